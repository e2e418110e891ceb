// Applies prisma/migrations/*/migration.sql (SQLite) or prisma/postgresql/migrations/*/migration.sql
// (PostgreSQL) in order, with Prisma's own `_prisma_migrations` bookkeeping, so that `prisma migrate
// deploy` can take over wherever Prisma's engine is available. See docs/decisions/0001-own-migration-runner.md
// and 0012-postgresql.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type Engine, engineOf } from "./engine.server";
import { SQLITE_PRAGMAS, databaseUrl, sqliteFilePath } from "./sqlite.server";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const POSTGRES_MIGRATIONS_DIR = path.resolve("prisma/postgresql/migrations");

/** The migrations folder of an engine. */
export const migrationsDirOf = (engine: Engine) => (engine === "postgresql" ? POSTGRES_MIGRATIONS_DIR : MIGRATIONS_DIR);

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

/** The migrations in `dir` that still need applying; throws when an applied one is unfinished or was changed. */
function pendingOf(rows: Applied[], dir: string) {
  const applied = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  return listMigrations(dir).filter((migration) => {
    const previous = applied.get(migration.name);
    if (!previous) return true;
    if (previous.finished_at === null) {
      throw new MigrationError(`Migration ${migration.name} was started but never finished; repair the database first.`);
    }
    if (previous.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
          "Migrations are append-only: restore the file and add a new migration instead.",
      );
    }
    return false;
  });
}

/**
 * Applies the pending migrations to a SQLite database, one transaction each. Returns the names it applied.
 *
 * Foreign keys are off while a migration runs, as SQLite's procedure for changing a table asks (make
 * the new table, copy, drop the old, rename): the migration's own `PRAGMA foreign_keys=OFF` does
 * nothing inside a transaction, and with them on, dropping the old table would first delete its rows,
 * cascading to every row that points at them (sessions, comments; the audit log refuses). Before the
 * commit, `foreign_key_check` must find no row pointing at nothing. So a migration that deletes
 * rows cannot lean on ON DELETE CASCADE or SET NULL here (PostgreSQL's twin would): it deletes or
 * clears the rows that point at them itself.
 */
export function applyMigrations(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(BOOKKEEPING_TABLE);
  const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as Applied[];
  const done: string[] = [];
  const foreignKeys = db.pragma("foreign_keys", { simple: true });
  try {
    db.pragma("foreign_keys = OFF");
    for (const migration of pendingOf(rows, dir)) {
      const id = randomUUID();
      const run = db.transaction(() => {
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
          id,
          migration.checksum,
          migration.name,
          new Date().toISOString(),
        );
        db.exec(migration.sql);
        const dangling = db.prepare("PRAGMA foreign_key_check").all();
        if (dangling.length) {
          throw new MigrationError(
            `Migration ${migration.name} would leave ${dangling.length} row(s) pointing at rows that do not exist, e.g. ${JSON.stringify(dangling[0])}.`,
          );
        }
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(new Date().toISOString(), id);
      });
      run();
      done.push(migration.name);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
  return done;
}

/** Prisma's own bookkeeping table, as `prisma migrate` creates it on PostgreSQL. */
const POSTGRES_BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The key of the advisory lock that migrations hold on PostgreSQL: processes that start at once
 * wait for each other, and each migration is applied once.
 */
export const MIGRATION_LOCK_KEY = 72_4151_0001;

/**
 * Applies the pending migrations to a PostgreSQL database, one transaction each, holding an
 * advisory lock for the whole run. Returns the names it applied.
 */
export async function applyPostgresMigrations(url: string, dir = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query("SET client_min_messages = warning");
    await client.query(POSTGRES_BOOKKEEPING_TABLE);
    const { rows } = await client.query<Applied>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const done: string[] = [];
    for (const migration of pendingOf(rows, dir)) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Applies the pending migrations to the database at `url`, whichever engine it is. */
export async function migrate(url = databaseUrl()): Promise<string[]> {
  if (engineOf(url) === "postgresql") return applyPostgresMigrations(url);
  const db = openSqlite(sqliteFilePath(url));
  try {
    return applyMigrations(db);
  } finally {
    db.close();
  }
}

/** The migrations this code knows that the database has not applied (for /readyz and the backups). */
export async function pendingMigrations(query: (sql: string) => Promise<{ migration_name: string }[]>, engine: Engine = engineOf()) {
  let applied: Set<string>;
  try {
    const rows = await query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    applied = new Set();
  }
  return listMigrations(migrationsDirOf(engine))
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
}
