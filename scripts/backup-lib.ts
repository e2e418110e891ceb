// Backups that restore, on either engine: the one interface that `npm run db:backup` and
// `npm run db:restore` use. The URL chooses the engine, as everywhere else (file: is SQLite,
// postgresql:// is PostgreSQL); each engine has one code path: scripts/backup-sqlite.ts (SQLite's
// online backup API) and scripts/backup-postgres.ts (pg_dump of one snapshot). Both write dated
// files (`idealab-<time>.db`, `idealab-<time>.dump`) into one backups folder, prove each one before
// it gets its name, keep the newest N of their own kind, and restore only what passes the checks.
import path from "node:path";
import { type Engine, engineOf } from "../app/utils/engine.server";
import { sqliteFilePath } from "../app/utils/sqlite.server";
import { BACKUP_EXTENSIONS, type DatabaseCheck } from "./backup-common";
import { type PostgresCheck, backupPostgres, checkPostgresBackup, restorePostgres } from "./backup-postgres";
import { backupDatabase, checkBackupFile, defaultBackupDir, restoreDatabase } from "./backup-sqlite";

export { BackupError, DEFAULT_KEEP, type DatabaseCheck, listBackups, megabytes } from "./backup-common";

export type CheckedBackup = DatabaseCheck & {
  /** What proved the copy, for a person: SQLite's integrity check, or a full restore with every table's rows. */
  proof: string;
  /** PostgreSQL: rows per table, as restored from the archive. */
  tables?: Record<string, number>;
};

export type Backup = {
  engine: Engine;
  /** The database, for a person (a file, or the server and database without the password). */
  source: string;
  file: string;
  bytes: number;
  /** How the copy was made, for a person. */
  made: string;
  copyMs: number;
  checkMs: number;
  check: CheckedBackup;
  kept: string[];
  removed: string[];
};

export type Restored = {
  engine: Engine;
  from: string;
  /** The database that was replaced, for a person. */
  to: string;
  check: CheckedBackup;
  migrated: string[];
  /** Where the replaced database is kept: a file beside it, or a database on the same server (null when there was none). */
  saved: string | null;
  /** Settings of the replaced database that could not be carried over (PostgreSQL). */
  notes: string[];
};

const tableCount = (tables: Record<string, number>) => Object.keys(tables).length;
/** How a PostgreSQL backup was proved, for a person. */
const restoredProof = (check: PostgresCheck, into: string) =>
  `${check.manifest ? "matches its manifest (SHA-256), " : "no manifest beside it, "}restored in full${into} (${tableCount(check.tables)} tables` +
  `${check.manifest ? ", each with the rows of the manifest" : ""})`;

/** Where backups go when neither `--dir` nor BACKUP_DIR says: a `backups` folder beside the SQLite file, or `data/backups` for PostgreSQL. */
export function defaultBackupDirFor(url: string) {
  return engineOf(url) === "sqlite" ? defaultBackupDir(sqliteFilePath(url)) : path.resolve("data", "backups");
}

export const backupExtensionOf = (url: string) => BACKUP_EXTENSIONS[engineOf(url)];

/** A checked backup of the database at `url` into `dir` (by default `defaultBackupDirFor(url)`), keeping the newest `keep` of its kind. */
export async function backup(options: { url: string; dir?: string; keep?: number; now?: Date }): Promise<Backup> {
  const dir = options.dir ?? defaultBackupDirFor(options.url);
  if (engineOf(options.url) === "postgresql") {
    const r = await backupPostgres({ url: options.url, dir, keep: options.keep, now: options.now });
    return {
      engine: "postgresql",
      source: r.source,
      file: r.file,
      bytes: r.bytes,
      made: "pg_dump archive, custom format",
      copyMs: r.dumpMs,
      checkMs: r.checkMs,
      check: { ...r.check, proof: `restored in full into a scratch database, all ${tableCount(r.check.tables)} tables with the rows of the snapshot` },
      kept: r.kept,
      removed: r.removed,
    };
  }
  const r = await backupDatabase({ source: sqliteFilePath(options.url), dir, keep: options.keep, now: options.now });
  return {
    engine: "sqlite",
    source: r.source,
    file: r.file,
    bytes: r.bytes,
    made: `${r.pages.toLocaleString("en")} pages`,
    copyMs: r.copyMs,
    checkMs: r.checkMs,
    check: { ...r.check, proof: "integrity ok" },
    kept: r.kept,
    removed: r.removed,
  };
}

/** Checks the backup `file` as a restore into the database at `url` would, changing nothing. */
export async function checkBackup(options: { url: string; file: string }): Promise<CheckedBackup> {
  if (engineOf(options.url) === "postgresql") {
    const check = await checkPostgresBackup({ url: options.url, file: options.file });
    return { ...check, proof: restoredProof(check, " into a scratch database") };
  }
  return { ...(await checkBackupFile(options.file)), proof: "integrity ok" };
}

/** Replaces the database at `url` with the backup `from`, once it passes the checks; keeps the one it replaces. */
export async function restore(options: { url: string; from: string; force?: boolean; now?: Date }): Promise<Restored> {
  if (engineOf(options.url) === "postgresql") {
    const r = await restorePostgres(options);
    return { engine: "postgresql", ...r, check: { ...r.check, proof: restoredProof(r.check, "") } };
  }
  const r = await restoreDatabase({ from: options.from, to: sqliteFilePath(options.url), force: options.force, now: options.now });
  return { engine: "sqlite", ...r, check: { ...r.check, proof: "integrity ok" }, notes: [] };
}
