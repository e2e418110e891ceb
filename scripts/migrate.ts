// npm run db:migrate — applies pending migrations to the database at DATABASE_URL (SQLite or PostgreSQL).
import { migrate } from "../app/utils/migrations.server";
import { databaseUrl } from "../app/utils/sqlite.server";
import { describeDatabase } from "../app/utils/engine.server";

try {
  const applied = await migrate();
  const where = describeDatabase(databaseUrl());
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
