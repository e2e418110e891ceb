// Backups of a SQLite database that restore: a consistent copy of the running database made with
// SQLite's online backup API, checked before it is kept; and a restore that checks a copy before it
// replaces anything. `npm run db:backup` and `npm run db:restore` reach it through scripts/backup-lib.ts
// when DATABASE_URL is a file: URL (scripts/backup-postgres.ts is the PostgreSQL twin).
//
// Why not copy the file: the app runs in WAL mode, so the newest committed writes live in the
// `-wal` file beside the database until a checkpoint moves them in. A copy of the main file alone
// opens, passes `PRAGMA integrity_check`, and lacks those writes; a copy of both files taken while
// the app writes can be torn between them.
//
// Why a read transaction around the backup: SQLite's backup restarts from the first page whenever
// another connection writes between two of its steps, so a backup in small steps of a database that
// is written to all the time may never finish. Holding one read transaction on the source for the
// whole backup pins the snapshot of the moment it began: every step copies from that snapshot, the
// backup never restarts, and in WAL mode the app's writers are not blocked by it.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_DIR, applyMigrations, listMigrations, openSqlite } from "../app/utils/migrations.server";
import { BUSY_TIMEOUT_MS } from "../app/utils/sqlite.server";
import {
  BACKUP_EXTENSIONS,
  BackupError,
  CORE_TABLES,
  type DatabaseCheck,
  DEFAULT_KEEP,
  checkKeep,
  checkMigrationHistory,
  errorMessage as sqliteMessage,
  listBackups,
  newBackupName,
  pruneBackups,
  sniffFile,
  syncDir,
  timestamp,
} from "./backup-common";

export { BackupError, type DatabaseCheck, listBackups, pruneBackups } from "./backup-common";

/** Pages copied per step (4 MB at SQLite's default page size); the snapshot is the same whatever the step. */
export const DEFAULT_PAGES_PER_STEP = 1024;
const EXTENSION = BACKUP_EXTENSIONS.sqlite;

/** Where backups go when neither `--dir` nor BACKUP_DIR says: a `backups` folder beside the database. */
export function defaultBackupDir(databaseFile: string) {
  return path.join(path.dirname(path.resolve(databaseFile)), "backups");
}

function removeWithCompanions(file: string) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

/**
 * Copies the database `source` (read only, never written) to the new file `dest` with SQLite's
 * online backup API, all from the snapshot of the moment it starts (see the top of this file), and
 * leaves `dest` as one self-contained file (rollback journal mode: no `-wal` needed beside it).
 */
export async function copyDatabase(
  source: string,
  dest: string,
  options: { pagesPerStep?: number; onProgress?: (progress: { totalPages: number; remainingPages: number }) => void } = {},
) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  let steps = 0;
  let totalPages = 0;
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The read transaction is open once a statement has read the database: the snapshot is taken here.
    db.exec("BEGIN");
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    await db.backup(dest, {
      progress: (progress) => {
        steps++;
        totalPages = progress.totalPages;
        options.onProgress?.(progress);
        return options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
      },
    });
    db.exec("COMMIT");
  } finally {
    db.close();
  }
  // The copy carries the source's WAL flag in its header; make it a single file that opens anywhere.
  const copy = new Database(dest, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return { steps, totalPages };
}

/**
 * The checks a copy must pass before it is kept or restored: SQLite's integrity and foreign-key
 * checks, the tables of an Idea Lab database, and a migration level this code can bring up to date
 * (every migration it has applied is one of this code's, unchanged, in order, and finished).
 * Throws a BackupError saying what is wrong.
 */
export function checkDatabase(file: string, migrationsDir = MIGRATIONS_DIR): DatabaseCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${sqliteMessage(error)}`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw new BackupError(`${file} is not a readable SQLite database: ${sqliteMessage(error)}`);
    }
    if (problems.length !== 1 || problems[0] !== "ok") {
      throw new BackupError(`${file} fails SQLite's integrity check: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}`);
    }
    const broken = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    if (broken.length) {
      const first = broken[0];
      throw new BackupError(
        `${file} has ${broken.length} row(s) whose foreign keys point nowhere (first: ${first.table} row ${first.rowid} → ${first.parent}).`,
      );
    }
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (!tables.has("_prisma_migrations")) {
      const some = [...tables].slice(0, 5).join(", ") || "no tables at all";
      throw new BackupError(`${file} is not an Idea Lab database: it has no migration history (_prisma_migrations); it has ${some}.`);
    }
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
      rolled_back_at: string | null;
    }[];
    const { applied, pending } = checkMigrationHistory(file, rows, listMigrations(migrationsDir));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`${file} is not a whole Idea Lab database: it has no ${missing.join(", ")} table.`);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      file,
      bytes: statSync(file).size,
      applied,
      pending,
      ideas: count("Idea"),
      users: count("User"),
    };
  } finally {
    db.close();
  }
}

export type BackupResult = {
  source: string;
  file: string;
  bytes: number;
  pages: number;
  steps: number;
  copyMs: number;
  checkMs: number;
  check: DatabaseCheck;
  kept: string[];
  removed: string[];
};

/**
 * Backs up the database `source` into `dir` as `idealab-<time>.db` while the app keeps serving:
 * the copy is written under a temporary name, checked (`checkDatabase`), then renamed into place,
 * so a file with a backup's name is always a whole, checked copy. Then keeps the newest `keep`.
 */
export async function backupDatabase(options: {
  source: string;
  dir: string;
  keep?: number;
  now?: Date;
  pagesPerStep?: number;
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
  migrationsDir?: string;
}): Promise<BackupResult> {
  const source = path.resolve(options.source);
  const keep = options.keep ?? DEFAULT_KEEP;
  checkKeep(keep);
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const name = newBackupName(dir, options.now, EXTENSION);
  const file = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${randomBytes(4).toString("hex")}.partial`);
  const started = performance.now();
  try {
    let copied: { steps: number; totalPages: number };
    try {
      copied = await copyDatabase(source, temp, { pagesPerStep: options.pagesPerStep, onProgress: options.onProgress });
    } catch (error) {
      throw new BackupError(`The database ${source} could not be copied: ${sqliteMessage(error)}`);
    }
    const copyMs = performance.now() - started;
    let check: DatabaseCheck;
    try {
      check = checkDatabase(temp, options.migrationsDir);
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      throw new BackupError(`The copy of ${source} fails its checks, so it was not kept; the database itself may be damaged. ${error.message}`);
    }
    const checkMs = performance.now() - started - copyMs;
    renameSync(temp, file);
    syncDir(dir);
    const removed = pruneBackups(dir, keep, EXTENSION);
    return {
      source,
      file,
      bytes: statSync(file).size,
      pages: copied.totalPages,
      steps: copied.steps,
      copyMs,
      checkMs,
      check: { ...check, file },
      kept: listBackups(dir, EXTENSION),
      removed,
    };
  } finally {
    removeWithCompanions(temp);
  }
}

/** A PostgreSQL backup given to the SQLite restore: say so, rather than that it is not a database. */
function refuseOtherEngine(file: string) {
  if (sniffFile(file) === "pg_dump") {
    throw new BackupError(`${file} is a PostgreSQL backup (pg_dump): restore it with DATABASE_URL (or --to) naming a PostgreSQL database, postgresql://….`);
  }
}

/**
 * Checks the backup `file` as a restore would, changing nothing: read through SQLite into a
 * scratch folder, then `checkDatabase`.
 */
export async function checkBackupFile(file: string, migrationsDir = MIGRATIONS_DIR): Promise<DatabaseCheck> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`There is no file at ${file}.`);
  refuseOtherEngine(file);
  const scratch = mkdtempSync(path.join(tmpdir(), "idealab-check-"));
  try {
    const copy = path.join(scratch, "copy.db");
    try {
      await copyDatabase(path.resolve(file), copy);
    } catch (error) {
      throw new BackupError(`${file} cannot be read as a SQLite database: ${sqliteMessage(error)}`);
    }
    try {
      return { ...checkDatabase(copy, migrationsDir), file, bytes: statSync(file).size };
    } catch (error) {
      if (error instanceof BackupError) throw new BackupError(error.message.replaceAll(copy, file));
      throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Whether another connection has the database open. The app always opens it in WAL mode, and
 * leaving WAL mode needs the only connection; so this tries to, without waiting. When nobody else
 * has it open, that also checkpoints the database into a single self-contained file, which is what
 * the restore keeps of it.
 */
export function databaseInUse(file: string) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    return db.pragma("journal_mode = DELETE", { simple: true }) !== "delete";
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY")) return true;
    // A damaged database (often the reason for restoring) cannot say; it is kept as it is.
    if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) return false;
    throw error;
  } finally {
    db.close();
  }
}

export type RestoreResult = {
  from: string;
  to: string;
  check: DatabaseCheck;
  /** Migrations the runner applied to the restored copy (it was older than this code). */
  migrated: string[];
  /** Where the database that was replaced is kept (null when there was none). */
  saved: string | null;
};

/**
 * Replaces the database `to` with the copy `from`, safely: the copy is read with the backup API
 * into a temporary file beside `to`, checked (`checkDatabase`: a damaged, foreign or too new file
 * is refused and `to` is left as it was), brought up to this code's migrations, and renamed over
 * `to`. The database it replaces is kept as `<to>.before-restore-<time>`; stale `-wal` and `-shm`
 * files go. Refuses while another process has `to` open, unless `force`.
 */
export async function restoreDatabase(options: { from: string; to: string; force?: boolean; now?: Date; migrationsDir?: string }): Promise<RestoreResult> {
  const from = path.resolve(options.from);
  const to = path.resolve(options.to);
  if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`There is no file at ${from}.`);
  if (existsSync(to) && realpathSync(to) === realpathSync(from)) throw new BackupError(`${from} is the database itself; restore from a backup of it.`);
  refuseOtherEngine(from);
  const dir = path.dirname(to);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(to)}.${randomBytes(4).toString("hex")}.restoring`);
  try {
    try {
      await copyDatabase(from, temp);
    } catch (error) {
      throw new BackupError(`${from} cannot be read as a SQLite database: ${sqliteMessage(error)}`);
    }
    let check: DatabaseCheck;
    try {
      check = checkDatabase(temp, options.migrationsDir);
    } catch (error) {
      if (error instanceof BackupError) throw new BackupError(error.message.replaceAll(temp, from));
      throw error;
    }
    let migrated: string[] = [];
    if (check.pending.length) {
      const db = openSqlite(temp);
      try {
        migrated = applyMigrations(db, options.migrationsDir);
      } finally {
        db.close();
      }
    }
    let saved: string | null = null;
    if (existsSync(to)) {
      if (databaseInUse(to) && !options.force) {
        throw new BackupError(
          `The database ${to} is open in another process (is the app running?). Stop the app and run the restore again, ` +
            "or pass --force to restore anyway and restart the app at once.",
        );
      }
      const stamp = timestamp(options.now);
      saved = `${to}.before-restore-${stamp}`;
      for (let n = 1; existsSync(saved); n++) saved = `${to}.before-restore-${stamp}-${n}`;
      // A second name for the old file, so that the rename below replaces `to` in one step.
      try {
        linkSync(to, saved);
      } catch {
        copyFileSync(to, saved);
      }
      // Left only when forced past a running app (or after a crash): the old file's logs go with it.
      for (const log of ["-wal", "-journal"]) if (existsSync(to + log)) renameSync(to + log, saved + log);
    }
    // The shared-memory index belongs to the replaced file's log: stale now.
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(to + suffix, { force: true });
    renameSync(temp, to);
    syncDir(dir);
    return { from, to, check: { ...check, file: from }, migrated, saved };
  } finally {
    removeWithCompanions(temp);
  }
}
