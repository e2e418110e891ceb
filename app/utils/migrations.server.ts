// Applies prisma/migrations/*/migration.sql in order, with Prisma's own `_prisma_migrations`
// bookkeeping, so that `prisma migrate deploy` can take over wherever Prisma's engine is available.
// See docs/decisions/0001-own-migration-runner.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SQLITE_PRAGMAS } from "./sqlite.server";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {}

type Applied = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

export function listMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export function openSqlite(file: string) {
  const db = new Database(file);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  return db;
}

/** Applies the pending migrations, one transaction each. Returns the names it applied. */
export function applyMigrations(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(BOOKKEEPING_TABLE);
  const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as Applied[];
  const applied = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  const done: string[] = [];
  for (const migration of listMigrations(dir)) {
    const previous = applied.get(migration.name);
    if (previous) {
      if (previous.finished_at === null) {
        throw new MigrationError(`Migration ${migration.name} was started but never finished; repair the database first.`);
      }
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
            "Migrations are append-only: restore the file and add a new migration instead.",
        );
      }
      continue;
    }
    const id = randomUUID();
    const run = db.transaction(() => {
      db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
        id,
        migration.checksum,
        migration.name,
        new Date().toISOString(),
      );
      db.exec(migration.sql);
      db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(new Date().toISOString(), id);
    });
    run();
    done.push(migration.name);
  }
  return done;
}
