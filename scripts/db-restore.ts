// npm run db:restore FILE [-- --to DB --force]     npm run db:restore -- --check FILE
// Replaces the database at DATABASE_URL (or DB: a SQLite file, or a postgresql:// URL) with the
// backup FILE once FILE passes the checks: SQLite's integrity check, or for PostgreSQL a full
// restore into a new database; an Idea Lab database; a migration level this code can bring up to
// date. A damaged, foreign or too new file is refused and the database is left alone. The replaced
// database is kept (a file `<name>.before-restore-<time>` beside it, or a database
// `<name>_before_restore_<time>` on the same server); pending migrations are applied.
// --check only checks FILE and changes nothing.
import path from "node:path";
import { parseArgs } from "node:util";
import { describeDatabase } from "../app/utils/engine.server";
import { databaseUrl } from "../app/utils/sqlite.server";
import { BackupError, type CheckedBackup, checkBackup, megabytes, restore } from "./backup-lib";

const USAGE = "Usage: npm run db:restore FILE [-- --to DB --force]   or   npm run db:restore -- --check FILE";

let parsed: { values: { to?: string; force?: boolean; check?: boolean; help?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { to: { type: "string" }, force: { type: "boolean" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const from = positionals[0];
/** --to DB: a URL (file: or postgresql://), or a SQLite file's path. */
const url = values.to ? (/^(file:|postgres(ql)?:\/\/)/.test(values.to) ? values.to : `file:${values.to}`) : databaseUrl();
/** A path as the person typed it would be: relative inside the working folder, absolute outside it. */
const relative = (file: string) => {
  const inside = path.relative(process.cwd(), path.resolve(file));
  return inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? inside : path.resolve(file);
};
const describe = (check: CheckedBackup) =>
  `${check.proof}, an Idea Lab database with ${check.ideas.toLocaleString("en")} ideas and ${check.users.toLocaleString("en")} users, ` +
  `${check.applied.length} migration(s) applied` +
  (check.pending.length ? `, ${check.pending.length} to apply (${check.pending.join(", ")})` : ", up to date with this code");

try {
  if (values.check) {
    const check = await checkBackup({ url, file: from });
    console.log(`${from}: ${megabytes(check.bytes)}; ${describe(check)}. It can be restored.`);
  } else {
    const postgres = !url.startsWith("file:");
    const to = postgres ? url : url.slice("file:".length);
    console.log(`Restoring ${from} over ${postgres ? describeDatabase(url) : relative(path.resolve(to))}.`);
    console.log(
      postgres
        ? "Stop the app first: the restore refuses while the app is connected (--force ends its sessions), and a running server would go on with what it has in memory."
        : "The app must be stopped while restoring: a running server keeps the old file open and would go on using it. Start it again afterwards.",
    );
    const result = await restore({ url, from, force: values.force });
    console.log(`Checked ${from}: ${describe(result.check)}.`);
    if (result.migrated.length) console.log(`Applied ${result.migrated.length} migration(s) to the restored copy: ${result.migrated.join(", ")}`);
    if (result.saved && result.engine === "sqlite") console.log(`The database it replaced is kept as ${relative(result.saved)}`);
    if (result.saved && result.engine === "postgresql") {
      console.log(`The database it replaced is kept on the same server as ${result.saved} (drop it once you are satisfied: dropdb "${result.saved}").`);
    }
    for (const note of result.notes) console.log(`Not carried over from the replaced database, set it again by hand: ${note}`);
    console.log(`Restored ${result.engine === "sqlite" ? relative(result.to) : result.to}. Start the app again.`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Refused: ${error.message}`);
  console.error("Nothing was changed.");
  process.exit(1);
}
