// npm run db:migrate — applies pending migrations to the database at DATABASE_URL.
import { applyMigrations, openSqlite } from "../app/utils/migrations.server";
import { sqliteFilePath } from "../app/utils/sqlite.server";

const file = sqliteFilePath();
const db = openSqlite(file);
try {
  const applied = applyMigrations(db);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${file}: ${applied.join(", ")}` : `${file} is up to date.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.close();
}
