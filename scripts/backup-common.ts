// What the backups of both engines share: the refusal a person is told, the names of backup files
// and the keep-last-N rule, and the check of a copy's migration history against this code's.
// The engines: scripts/backup-sqlite.ts and scripts/backup-postgres.ts; the one interface in front
// of them: scripts/backup-lib.ts.
import { closeSync, existsSync, fsyncSync, openSync, readSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

export const BACKUP_PREFIX = "idealab-";
export const DEFAULT_KEEP = 14;
/** Tables every Idea Lab database has, whatever its migration level. */
export const CORE_TABLES = ["Idea", "User", "Institution", "Stage", "Event"];
/** The file ending of each engine's backups: a SQLite database, a pg_dump archive (custom format). */
export const BACKUP_EXTENSIONS = { sqlite: ".db", postgresql: ".dump" } as const;
export type BackupExtension = (typeof BACKUP_EXTENSIONS)[keyof typeof BACKUP_EXTENSIONS];

/** A refusal or failure to tell the person running the command, as it is. */
export class BackupError extends Error {}

export type DatabaseCheck = {
  file: string;
  bytes: number;
  /** The migrations applied to the copy, all known to this code, in order. */
  applied: string[];
  /** This code's migrations the copy does not have yet: the runner applies them after a restore. */
  pending: string[];
  ideas: number;
  users: number;
};

/** `2026-12-02T18-30-00Z`: a time in a file name, sortable and without colons. */
export function timestamp(now = new Date()) {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

export function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

const backupName = (extension: BackupExtension) => new RegExp(`^idealab-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)(?:-(\\d+))?\\${extension}$`);

/** A name for a new backup in `dir` made at `now`: `idealab-<time><extension>`, with `-1`, `-2`… when one of that second exists. */
export function newBackupName(dir: string, now: Date | undefined, extension: BackupExtension) {
  const stamp = timestamp(now);
  let name = `${BACKUP_PREFIX}${stamp}${extension}`;
  for (let n = 1; existsSync(path.join(dir, name)); n++) name = `${BACKUP_PREFIX}${stamp}-${n}${extension}`;
  return name;
}

/** The backups in `dir`, newest first (only files named as the backups name them, of one engine: `.db` or `.dump`). */
export function listBackups(dir: string, extension: BackupExtension = ".db") {
  if (!existsSync(dir)) return [];
  const pattern = backupName(extension);
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f) => f.match)
    .sort((a, b) => b.match![1].localeCompare(a.match![1]) || Number(b.match![2] ?? 0) - Number(a.match![2] ?? 0))
    .map((f) => path.join(dir, f.name));
}

/** Files that belong to a backup and go with it: SQLite's journals, the manifest beside a PostgreSQL backup. */
const COMPANIONS = ["-journal", "-wal", "-shm", ".json"];

/**
 * Removes all but the newest `keep` backups of one engine in `dir`, with their companions; other
 * files there (the other engine's backups too: the way back after a move to PostgreSQL) are never touched.
 */
export function pruneBackups(dir: string, keep: number, extension: BackupExtension = ".db") {
  const removed = listBackups(dir, extension).slice(keep);
  for (const file of removed) for (const suffix of ["", ...COMPANIONS]) rmSync(file + suffix, { force: true });
  return removed;
}

export function checkKeep(keep: number) {
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`The number of backups to keep must be a whole number of at least 1 (got ${keep}).`);
}

/** Makes a rename in `dir` durable (where the platform allows a directory to be synced). */
export function syncDir(dir: string) {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here: the rename itself is still atomic */
  }
}

/** What a file is, from its first bytes: a SQLite database, a pg_dump archive in custom format, or something else. */
export function sniffFile(file: string): "sqlite" | "pg_dump" | "other" {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  let read: number;
  try {
    read = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= 16 && head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (read >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
  return "other";
}

export type MigrationRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/**
 * A copy's migration history against this code's migrations (`known`, in order): every migration it
 * has applied must be one of this code's, unchanged (checksum), finished, with none skipped, so
 * that the runner can bring it up to date. Returns what it has and what it still needs; throws a
 * BackupError naming `label` (the file) and what is wrong.
 */
export function checkMigrationHistory(label: string, rows: MigrationRow[], known: { name: string; checksum: string }[]) {
  const applied = rows.filter((r) => r.rolled_back_at === null);
  const knownByName = new Map(known.map((m) => [m.name, m]));
  const unknown = applied.filter((r) => !knownByName.has(r.migration_name)).map((r) => r.migration_name);
  if (applied.length === 0 || unknown.length === applied.length) {
    throw new BackupError(
      `${label} is not an Idea Lab database: none of its migrations is one of Idea Lab's${unknown.length ? ` (it has ${unknown.slice(0, 3).join(", ")})` : ""}.`,
    );
  }
  if (unknown.length) {
    throw new BackupError(
      `${label} was made by a newer or different version of Idea Lab: it has migrations this code does not know (${unknown.join(", ")}). ` +
        "Restore it with the version that made it, or update this installation first.",
    );
  }
  const unfinished = applied.find((r) => r.finished_at === null);
  if (unfinished) throw new BackupError(`${label} has a migration that was started but never finished (${unfinished.migration_name}).`);
  const changed = applied.find((r) => knownByName.get(r.migration_name)!.checksum !== r.checksum);
  if (changed) throw new BackupError(`${label} has migration ${changed.migration_name} applied in a form that differs from this code's (checksum).`);
  const appliedNames = new Set(applied.map((r) => r.migration_name));
  let level = known.length - 1;
  while (level >= 0 && !appliedNames.has(known[level].name)) level--;
  const skipped = known.slice(0, level).filter((m) => !appliedNames.has(m.name));
  if (skipped.length) {
    throw new BackupError(`${label} skips migration(s) ${skipped.map((m) => m.name).join(", ")}: the runner would apply them out of order.`);
  }
  return { applied: known.slice(0, level + 1).map((m) => m.name), pending: known.slice(level + 1).map((m) => m.name) };
}
