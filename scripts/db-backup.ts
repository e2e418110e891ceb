// npm run db:backup [-- --dir DIR --keep N]
// Writes a consistent, checked backup of the database at DATABASE_URL while the app keeps serving,
// named by the time, into DIR (BACKUP_DIR; by default a `backups` folder beside the SQLite file, or
// data/backups for PostgreSQL), and keeps the newest N of its kind (BACKUP_KEEP, by default 14).
// SQLite: the online backup API, never a file copy (scripts/backup-sqlite.ts), `idealab-<time>.db`.
// PostgreSQL: pg_dump of one snapshot, proved by a full restore into a scratch database
// (scripts/backup-postgres.ts), `idealab-<time>.dump`.
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseUrl } from "../app/utils/sqlite.server";
import { BackupError, DEFAULT_KEEP, backup, defaultBackupDirFor, megabytes } from "./backup-lib";

const USAGE = "Usage: npm run db:backup [-- --dir DIR --keep N]   (or BACKUP_DIR, BACKUP_KEEP)";

let values: { dir?: string; keep?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { dir: { type: "string" }, keep: { type: "string" }, help: { type: "boolean", short: "h" } } }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const url = databaseUrl();
const keepText = values.keep ?? process.env.BACKUP_KEEP ?? String(DEFAULT_KEEP);
const keep = Number(keepText);
if (!/^\d+$/.test(keepText.trim()) || keep < 1) {
  console.error(`--keep / BACKUP_KEEP must be a whole number of at least 1, not "${keepText}".`);
  console.error(USAGE);
  process.exit(2);
}

/** A path as the person typed it would be: relative inside the working folder, absolute outside it. */
const relative = (file: string) => {
  const inside = path.relative(process.cwd(), path.resolve(file));
  return inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? inside : path.resolve(file);
};
try {
  const dir = values.dir || process.env.BACKUP_DIR || defaultBackupDirFor(url);
  const result = await backup({ url, dir, keep });
  const { check } = result;
  const sqlite = result.engine === "sqlite";
  console.log(`Backed up ${sqlite ? relative(result.source) : result.source} to ${relative(result.file)}`);
  console.log(
    `  ${megabytes(result.bytes)} (${result.made}), ${sqlite ? "copied" : "dumped"} in ${(result.copyMs / 1000).toFixed(2)} s, ` +
      `checked in ${(result.checkMs / 1000).toFixed(2)} s: ${check.proof}, ${check.applied.length} migration(s) (last ${check.applied.at(-1)}), ` +
      `${check.ideas.toLocaleString("en")} ideas, ${check.users.toLocaleString("en")} users`,
  );
  console.log(
    `  ${result.kept.length} backup(s) in ${relative(path.resolve(dir))} (keeping the newest ${keep})` +
      (result.removed.length ? `; removed ${result.removed.map((f) => path.basename(f)).join(", ")}` : ""),
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
