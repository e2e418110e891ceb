// Backups of a PostgreSQL database that restore, the twin of scripts/backup-sqlite.ts: `pg_dump
// --format=custom` of one snapshot while the app keeps serving, proved by restoring it before it is
// kept; and a restore that proves a backup the same way before it replaces anything.
// `npm run db:backup` and `npm run db:restore` reach it through scripts/backup-lib.ts when
// DATABASE_URL is a postgresql:// URL.
//
// The snapshot. The backup opens a REPEATABLE READ transaction, exports its snapshot, counts every
// table in it, and hands the snapshot to pg_dump (`--snapshot`): the dump and the counts see the
// same moment, every write acknowledged before it and none after. Writers are not blocked (pg_dump
// takes only ACCESS SHARE locks, which only DDL waits for).
//
// The proof. `pg_restore --list` reads the archive's table of contents; then the archive is
// restored (`--exit-on-error`) into a scratch database on the same server, where every table must
// hold exactly the rows the snapshot counted and the migration history must be one this code can
// bring up to date. Every data block of a custom-format archive is compressed with zlib, whose
// checksum the restore verifies, so a damaged block fails here and not on the day it is needed.
// The table of contents is not checksummed (a changed byte there can restore without an error), so
// the kept backup gets a manifest beside it, `<backup>.json`: its SHA-256, and the row counts of
// every table. A restore (and --check) refuses a file that no longer matches its manifest, and
// requires the restored database to hold the manifest's rows. A backup without a manifest (a
// pg_dump made by hand, or copied without it) is proved by the restore alone.
//
// The restore. The backup is restored into a new database beside the target, checked there and
// migrated to this code's level; only then does the target give way, by two renames in one
// transaction: the target becomes `<name>_before_restore_<time>` (kept, as the SQLite restore
// keeps the replaced file) and the new database takes its name. The database being replaced is
// never written to, a refused or failed restore leaves it exactly as it was, and the app never
// sees a half-restored or not yet migrated database. The renames need the target to have no
// sessions: the restore refuses while the app is connected, unless `force`, which ends the app's
// sessions (its pool reconnects to the restored database). The new database is made like the old:
// owner, encoding and locale, connection limit, its settings (ALTER DATABASE … SET) and who may
// connect (GRANT … ON DATABASE). The scratch and new databases need the CREATEDB privilege.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describeDatabase } from "../app/utils/engine.server";
import { POSTGRES_MIGRATIONS_DIR, applyPostgresMigrations, listMigrations } from "../app/utils/migrations.server";
import {
  BACKUP_EXTENSIONS,
  BackupError,
  CORE_TABLES,
  DEFAULT_KEEP,
  type DatabaseCheck,
  type MigrationRow,
  checkKeep,
  checkMigrationHistory,
  errorMessage,
  listBackups,
  newBackupName,
  pruneBackups,
  sniffFile,
  syncDir,
  timestamp,
} from "./backup-common";

const EXTENSION = BACKUP_EXTENSIONS.postgresql;
/** PostgreSQL's limit on a database's name, in bytes. */
const NAME_BYTES = 63;

export type PostgresCheck = DatabaseCheck & {
  /** Rows per table, as restored from the archive. */
  tables: Record<string, number>;
  /** Whether the archive matched a manifest beside it (its SHA-256 and its rows). */
  manifest: boolean;
};

// ---------------------------------------------------------------------------------------------
// Connections and names

/** The database a postgresql:// URL names. */
export function databaseNameOf(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new BackupError(`${describeDatabase(url)} names no database.`);
  return name;
}

/** The URL of another database on the same server, as the same user. */
export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** Parameters libpq (pg_dump, pg_restore) understands in a URL; others (Prisma's `schema`, …) would make it refuse the URL. */
const LIBPQ_PARAMETERS = new Set([
  "host",
  "hostaddr",
  "port",
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslpassword",
  "sslnegotiation",
  "ssl_min_protocol_version",
  "ssl_max_protocol_version",
  "gssencmode",
  "channel_binding",
  "requiressl",
  "application_name",
  "connect_timeout",
  "options",
  "target_session_attrs",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
  "tcp_user_timeout",
  "passfile",
  "service",
]);

/**
 * How pg_dump and pg_restore reach the database at `url`: the URL without its password (a
 * command line is visible to every user of the machine) and the password in PGPASSWORD.
 */
function libpqOf(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const key of [...u.searchParams.keys()]) if (!LIBPQ_PARAMETERS.has(key)) u.searchParams.delete(key);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

/** The URL of a session that acts as `role` (SET ROLE at connection time), so that what it creates belongs to that role. */
function asRole(url: string, role: string | null) {
  if (!role) return url;
  const u = new URL(url);
  const option = `-c role=${role.replace(/([\\ ])/g, "\\$1")}`;
  u.searchParams.set("options", [u.searchParams.get("options"), option].filter(Boolean).join(" "));
  return u.toString();
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `base` + `suffix` within PostgreSQL's 63 bytes (the base is shortened, never the suffix). */
function derivedName(base: string, suffix: string) {
  let head = base;
  while (Buffer.byteLength(head + suffix) > NAME_BYTES) head = head.slice(0, -1);
  return head + suffix;
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`Cannot connect to ${describeDatabase(url)}: ${errorMessage(error)}`);
  }
  // A notice about an object that is not there (DROP … IF EXISTS) is not news.
  client.on("notice", () => undefined);
  return client;
}

/**
 * A connection to the server of `url` outside the databases the backups work on (a database
 * cannot be created from, renamed or dropped by a session inside it): `postgres`, or `template1`.
 */
async function maintenanceConnection(url: string, avoid: string[]) {
  let last: unknown;
  for (const name of ["postgres", "template1"]) {
    if (avoid.includes(name)) continue;
    try {
      return await connect(withDatabase(url, name));
    } catch (error) {
      last = error;
    }
  }
  throw last instanceof BackupError ? last : new BackupError(`Cannot connect to the server of ${describeDatabase(url)}.`);
}

/** Runs pg_dump or pg_restore; what it printed comes back, a missing program is a refusal that says how to install it. */
function runTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${tool} is not installed (or not on PATH). Install PostgreSQL's client programs of the server's major version or newer ` +
                "(Debian and Ubuntu: apt install postgresql-client-15).",
            )
          : error,
      ),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The first lines of what a PostgreSQL program printed, for a message. */
function firstLines(text: string, lines = 4) {
  const kept = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return kept.slice(0, lines).join(" ") + (kept.length > lines ? " …" : "");
}

// ---------------------------------------------------------------------------------------------
// Databases on the server

type DatabaseInfo = {
  datname: string;
  owner: string;
  encoding: string;
  datcollate: string;
  datctype: string;
  datlocprovider?: string;
  daticulocale?: string | null;
  datlocale?: string | null;
  datconnlimit: number;
  datacl: string[] | null;
};

/** The database `name` as the catalogue describes it, or null. (`to_jsonb`: the columns differ between PostgreSQL versions.) */
async function databaseInfo(admin: pg.Client, name: string): Promise<DatabaseInfo | null> {
  const { rows } = await admin.query<{ info: DatabaseInfo }>(
    `SELECT to_jsonb(d) || jsonb_build_object('owner', pg_get_userbyid(d.datdba), 'encoding', pg_encoding_to_char(d.encoding),
       'datacl', (SELECT jsonb_agg(a::text) FROM unnest(d.datacl) a)) AS info
     FROM pg_database d WHERE d.datname = $1`,
    [name],
  );
  return rows[0]?.info ?? null;
}

async function databaseExists(admin: pg.Client, name: string) {
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  return (rowCount ?? 0) > 0;
}

/** A name for a new database, `base` + `suffix`, that no database on the server has. */
async function freeName(admin: pg.Client, base: string, suffix: string) {
  let name = derivedName(base, suffix);
  for (let n = 1; await databaseExists(admin, name); n++) name = derivedName(base, `${suffix}_${n}`);
  return name;
}

/**
 * Creates the empty database `name` with the encoding and locale of `like` and, when `sameOwner`,
 * its owner. Returns the role the restore must create the objects as: the owner, when that is not
 * the user restoring (an administrator restoring the app's database leaves the tables to the app's
 * role, as they were), else null.
 */
async function createDatabase(admin: pg.Client, name: string, like: DatabaseInfo | null, sameOwner = false) {
  let role: string | null = null;
  const options = ["TEMPLATE template0"];
  if (like) {
    options.push(`ENCODING ${literal(like.encoding)}`, `LC_COLLATE ${literal(like.datcollate)}`, `LC_CTYPE ${literal(like.datctype)}`);
    const icu = like.daticulocale ?? like.datlocale;
    if (like.datlocprovider === "i" && icu) options.push("LOCALE_PROVIDER icu", `ICU_LOCALE ${literal(icu)}`);
    if (like.datlocprovider === "b" && like.datlocale) options.push("LOCALE_PROVIDER builtin", `BUILTIN_LOCALE ${literal(like.datlocale)}`);
    const { rows } = await admin.query<{ me: string }>(`SELECT current_user AS me`);
    if (sameOwner && like.owner !== rows[0].me) {
      options.push(`OWNER ${ident(like.owner)}`);
      role = like.owner;
    }
  }
  try {
    await admin.query(`CREATE DATABASE ${ident(name)} ${options.join(" ")}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "42501" ? " The user in DATABASE_URL needs the CREATEDB privilege (ALTER ROLE … CREATEDB) to check and restore backups." : "";
    throw new BackupError(`Cannot create the database ${name}: ${errorMessage(error)}.${why}`);
  }
  return role;
}

async function dropDatabase(admin: pg.Client, name: string) {
  await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

/** The other sessions connected to the database `name`. */
async function sessionsOn(admin: pg.Client, name: string) {
  const { rows } = await admin.query<{ pid: number; usename: string | null; application_name: string; client_addr: string | null }>(
    `SELECT pid, usename, application_name, client_addr::text FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [name],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Archives

/** Rows per table of the schemas an Idea Lab database uses, as the session's snapshot sees them. */
async function countTables(client: pg.Client) {
  const { rows } = await client.query<{ schemaname: string; tablename: string }>(
    `SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname, tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { schemaname, tablename } of rows) {
    const key = schemaname === "public" ? tablename : `${schemaname}.${tablename}`;
    const { rows: n } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(schemaname)}.${ident(tablename)}`);
    counts[key] = Number(n[0].n);
  }
  return counts;
}

/**
 * What a file offered as a PostgreSQL backup is, before anything is created for it: a pg_dump
 * archive in custom format, the same as when it was made (when a manifest is beside it), whose
 * table of contents pg_restore can read, with the data of an Idea Lab database. Returns its
 * manifest (or null); throws a BackupError naming `label`.
 */
async function readArchiveContents(file: string, label: string) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`There is no file at ${label}.`);
  const kind = sniffFile(file);
  if (kind === "sqlite") {
    throw new BackupError(
      `${label} is a SQLite backup, not a PostgreSQL one. To move its data into this PostgreSQL database, use ` +
        `npm run db:copy-to-postgres -- --from file:${label} (see "Moving a lab to PostgreSQL" in the README).`,
    );
  }
  if (kind !== "pg_dump") {
    throw new BackupError(
      `${label} cannot be read as a PostgreSQL backup: it is not a pg_dump archive in custom format (what npm run db:backup writes)` +
        (statSync(file).size === 0 ? "; it is empty." : "."),
    );
  }
  // Checked against its manifest first: a changed byte is then named as what it is.
  const manifest = await verifiedManifest(file, label);
  const listed = await runTool("pg_restore", ["--list", file], process.env);
  if (listed.code !== 0) throw new BackupError(`${label} cannot be read as a PostgreSQL backup: ${firstLines(listed.stderr)}`);
  // Lines such as `3571; 0 16440 TABLE DATA public Idea postgres`.
  const withData = new Set([...listed.stdout.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => (m[1] === "public" ? m[2] : `${m[1]}.${m[2]}`)));
  const missing = ["_prisma_migrations", ...CORE_TABLES].filter((t) => !withData.has(t));
  if (missing.length === CORE_TABLES.length + 1) {
    throw new BackupError(`${label} is not a backup of an Idea Lab database: it holds no data for ${missing.join(", ")}.`);
  }
  if (missing.length) throw new BackupError(`${label} is not a whole Idea Lab backup: it holds no data for ${missing.join(", ")}.`);
  return { manifest };
}

/** Restores the archive into the empty database at `url`, stopping at the first error; the objects belong to `role`, or to the user restoring. */
async function restoreArchive(file: string, label: string, url: string, role: string | null = null) {
  const { dbname, env } = libpqOf(url);
  // --no-owner: not the owners named in the archive (they may not exist here), but the database's.
  const restored = await runTool("pg_restore", ["--exit-on-error", "--no-owner", ...(role ? [`--role=${role}`] : []), `--dbname=${dbname}`, file], env);
  if (restored.code !== 0) throw new BackupError(`${label} cannot be restored, so it is damaged or incomplete: ${firstLines(restored.stderr)}`);
}

/**
 * The checks of a restored backup: an Idea Lab database (its migration history and tables) at a
 * migration level this code can bring up to date, and, when known, exactly the rows the backup's
 * snapshot counted in every table.
 */
async function checkRestored(url: string, label: string, file: string, migrationsDir: string, expected?: Record<string, number>): Promise<PostgresCheck> {
  const client = await connect(url);
  try {
    const tables = await countTables(client);
    if (!("_prisma_migrations" in tables)) {
      const some = Object.keys(tables).slice(0, 5).join(", ") || "no tables at all";
      throw new BackupError(`${label} is not an Idea Lab database: it has no migration history (_prisma_migrations); it has ${some}.`);
    }
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const { applied, pending } = checkMigrationHistory(label, rows, listMigrations(migrationsDir));
    const missing = CORE_TABLES.filter((t) => !(t in tables));
    if (missing.length) throw new BackupError(`${label} is not a whole Idea Lab database: it has no ${missing.join(", ")} table.`);
    if (expected) {
      const names = [...new Set([...Object.keys(expected), ...Object.keys(tables)])].sort();
      const differ = names.filter((t) => expected[t] !== tables[t]);
      if (differ.length) {
        throw new BackupError(
          `${label} does not restore to what was backed up: ` +
            differ.map((t) => `${t} has ${tables[t] ?? "no table"} row(s) where the database had ${expected[t] ?? "no table"}`).join("; "),
        );
      }
    }
    return { file, bytes: statSync(file).size, applied, pending, ideas: tables.Idea, users: tables.User, tables, manifest: false };
  } finally {
    await client.end();
  }
}

/**
 * Proves the archive `file` restores, on the server of `url` and changing nothing there: its table
 * of contents, a full restore into a scratch database that is dropped afterwards, and the checks
 * (`expected`: the row counts it must have). Throws a BackupError naming `label`.
 */
async function proveArchive(url: string, file: string, label: string, migrationsDir: string, expected?: Record<string, number>) {
  const { manifest } = await readArchiveContents(file, label);
  const target = databaseNameOf(url);
  const admin = await maintenanceConnection(url, [target]);
  const scratch = await freeName(admin, target, `_check_${randomBytes(4).toString("hex")}`);
  try {
    await createDatabase(admin, scratch, await databaseInfo(admin, target));
    const scratchUrl = withDatabase(url, scratch);
    await restoreArchive(file, label, scratchUrl);
    return { ...(await checkRestored(scratchUrl, label, file, migrationsDir, expected ?? manifest?.tables)), manifest: !expected && manifest !== null };
  } finally {
    await dropDatabase(admin, scratch).catch(() => undefined);
    await admin.end();
  }
}

/** Checks the backup `file` as a restore would (a full restore into a scratch database on the server of `url`), changing nothing. */
export async function checkPostgresBackup(options: { url: string; file: string; migrationsDir?: string }): Promise<PostgresCheck> {
  return proveArchive(options.url, path.resolve(options.file), options.file, options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR);
}

// ---------------------------------------------------------------------------------------------
// Manifests

export type Manifest = {
  /** SHA-256 of the archive, hex. */
  sha256: string;
  bytes: number;
  /** When the snapshot was taken. */
  madeAt: string;
  /** The database it was made from, for a person. */
  database: string;
  migrations: string[];
  /** Rows per table in the snapshot. */
  tables: Record<string, number>;
};

export const manifestOf = (file: string) => `${file}.json`;

async function sha256Of(file: string) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The manifest beside the archive `file`, once the archive is shown to match it (null when it has
 * none). Throws a BackupError when the archive was changed or damaged since it was made.
 */
async function verifiedManifest(file: string, label: string): Promise<Manifest | null> {
  const manifestFile = manifestOf(file);
  if (!existsSync(manifestFile)) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (typeof manifest.sha256 !== "string" || typeof manifest.tables !== "object" || manifest.tables === null) throw new Error("not a backup manifest");
  } catch (error) {
    throw new BackupError(
      `The manifest beside ${label} (${label}.json) cannot be read (${errorMessage(error)}), so the backup cannot be checked against it. ` +
        "If you trust the backup, move the manifest away and the backup is proved by restoring it alone.",
    );
  }
  const bytes = statSync(file).size;
  if (bytes !== manifest.bytes || (await sha256Of(file)) !== manifest.sha256) {
    throw new BackupError(
      `${label} is damaged or was changed since it was made: it does not match the SHA-256 recorded beside it in ${label}.json` +
        (bytes !== manifest.bytes ? ` (it has ${bytes} bytes, it had ${manifest.bytes})` : "") +
        ".",
    );
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Backup

export type PostgresBackupResult = {
  source: string;
  file: string;
  bytes: number;
  dumpMs: number;
  checkMs: number;
  check: PostgresCheck;
  kept: string[];
  removed: string[];
};

/**
 * Backs up the database at `url` into `dir` as `idealab-<time>.dump` while the app keeps serving:
 * pg_dump of one snapshot (see the top of this file) written under a temporary name, proved by a
 * full restore into a scratch database with the snapshot's row counts, then renamed into place, so
 * a file with a backup's name is always a whole, proved backup; its manifest (`.dump.json`) beside
 * it. Then keeps the newest `keep`.
 */
export async function backupPostgres(options: { url: string; dir: string; keep?: number; now?: Date; migrationsDir?: string }): Promise<PostgresBackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP;
  checkKeep(keep);
  const source = describeDatabase(options.url);
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const name = newBackupName(dir, options.now, EXTENSION);
  const file = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${randomBytes(4).toString("hex")}.partial`);
  const started = performance.now();
  const madeAt = new Date().toISOString();
  try {
    const client = await connect(options.url);
    let counts: Record<string, number>;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      counts = await countTables(client);
      const { dbname, env } = libpqOf(options.url);
      const dumped = await runTool("pg_dump", ["--format=custom", `--snapshot=${rows[0].snapshot}`, `--file=${temp}`, `--dbname=${dbname}`], env);
      if (dumped.code !== 0) throw new BackupError(`pg_dump could not back up ${source}: ${firstLines(dumped.stderr)}`);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const dumpMs = performance.now() - started;
    let check: PostgresCheck;
    try {
      check = await proveArchive(options.url, temp, temp, options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR, counts);
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      throw new BackupError(`The backup of ${source} fails its checks, so it was not kept. ${error.message.replaceAll(temp, "It")}`);
    }
    const manifest: Manifest = {
      sha256: await sha256Of(temp),
      bytes: statSync(temp).size,
      madeAt,
      database: source,
      migrations: check.applied,
      tables: counts,
    };
    const checkMs = performance.now() - started - dumpMs;
    // The archive gets its name first: a backup whose manifest is missing (a crash here) is still proved by restoring it.
    renameSync(temp, file);
    writeFileSync(`${temp}.json`, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    renameSync(`${temp}.json`, manifestOf(file));
    syncDir(dir);
    const removed = pruneBackups(dir, keep, EXTENSION);
    return { source, file, bytes: statSync(file).size, dumpMs, checkMs, check: { ...check, file }, kept: listBackups(dir, EXTENSION), removed };
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}.json`, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export type PostgresRestoreResult = {
  from: string;
  to: string;
  check: PostgresCheck;
  /** Migrations the runner applied to the restored database (the backup was older than this code). */
  migrated: string[];
  /** The database that was replaced, kept under this name (null when there was none). */
  saved: string | null;
  /** Settings of the replaced database that could not be carried over, to set again by hand. */
  notes: string[];
};

/** `20261202T183000Z`: a time in a database name (letters, digits and underscores only). */
const compactTime = (now?: Date) => timestamp(now).replaceAll("-", "");

/**
 * Gives the new database `name` what the database it replaces had beyond its contents: its
 * connection limit, its settings (ALTER DATABASE … SET, ALTER ROLE … IN DATABASE … SET) and who may
 * connect to it. Returns what could not be carried over.
 */
async function carryOver(admin: pg.Client, from: DatabaseInfo, name: string) {
  const notes: string[] = [];
  const attempt = async (sql: string, what: string) => {
    try {
      await admin.query(sql);
    } catch (error) {
      notes.push(`${what} (${errorMessage(error)}): ${sql}`);
    }
  };
  if (from.datconnlimit !== -1) await attempt(`ALTER DATABASE ${ident(name)} CONNECTION LIMIT ${Number(from.datconnlimit)}`, "the connection limit");
  const { rows: settings } = await admin.query<{ role: string | null; setconfig: string[] }>(
    `SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END AS role, s.setconfig
     FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = $1`,
    [from.datname],
  );
  for (const { role, setconfig } of settings) {
    for (const entry of setconfig) {
      const at = entry.indexOf("=");
      const setting = entry.slice(0, at);
      const value = entry.slice(at + 1);
      // A list (search_path = "$user", public) is stored as SET would read it; a single value needs quotes.
      const sqlValue = value.includes(",") || value.startsWith('"') ? value : literal(value);
      const target = role ? `ROLE ${ident(role)} IN DATABASE ${ident(name)}` : `DATABASE ${ident(name)}`;
      await attempt(`ALTER ${target} SET ${ident(setting)} = ${sqlValue}`, `the setting ${setting}${role ? ` for ${role}` : ""}`);
    }
  }
  if (from.datacl) {
    // Not the default (PUBLIC may connect): the same grants, and no more.
    await attempt(`REVOKE ALL ON DATABASE ${ident(name)} FROM PUBLIC`, "who may connect");
    const { rows: grants } = await admin.query<{ grantee: string | null; privilege_type: string; is_grantable: boolean }>(
      `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee, a.privilege_type, a.is_grantable
       FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = $1`,
      [from.datname],
    );
    for (const g of grants) {
      await attempt(
        `GRANT ${g.privilege_type} ON DATABASE ${ident(name)} TO ${g.grantee ? ident(g.grantee) : "PUBLIC"}${g.is_grantable ? " WITH GRANT OPTION" : ""}`,
        "who may connect",
      );
    }
  }
  return notes;
}

/**
 * Replaces the database at `url` with the backup `from`, safely (see the top of this file): the
 * backup is restored into a new database, checked there (a damaged, foreign or too new backup is
 * refused and nothing is changed), brought up to this code's migrations, and swapped in by two
 * renames in one transaction; the replaced database is kept as `<name>_before_restore_<time>`.
 * Refuses while other sessions are connected to the database, unless `force`, which ends them; that
 * is asked last, so that a damaged backup is found out while the app still runs.
 */
export async function restorePostgres(options: {
  url: string;
  from: string;
  force?: boolean;
  now?: Date;
  migrationsDir?: string;
}): Promise<PostgresRestoreResult> {
  const file = path.resolve(options.from);
  const label = options.from;
  const migrationsDir = options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR;
  const target = databaseNameOf(options.url);
  const to = describeDatabase(options.url);
  const { manifest } = await readArchiveContents(file, label);
  const admin = await maintenanceConnection(options.url, [target]);
  let fresh: string | null = null;
  try {
    const old = await databaseInfo(admin, target);
    const refuseInUse = (sessions: { usename: string | null; application_name: string; client_addr: string | null }[]) =>
      new BackupError(
        `The database ${to} has ${sessions.length} other session(s) connected (is the app running? ` +
          `${[...new Set(sessions.map((s) => `${s.usename ?? "?"}${s.application_name ? ` ${s.application_name}` : ""}${s.client_addr ? ` from ${s.client_addr}` : ""}`))].slice(0, 3).join(", ")}). ` +
          "The backup itself passed its checks. Stop the app and run the restore again, or pass --force to end those sessions and restore anyway (then restart the app).",
      );
    fresh = await freeName(admin, target, `_restoring_${randomBytes(4).toString("hex")}`);
    const role = await createDatabase(admin, fresh, old, true);
    const freshUrl = withDatabase(options.url, fresh);
    await restoreArchive(file, label, freshUrl, role);
    const check = { ...(await checkRestored(freshUrl, label, file, migrationsDir, manifest?.tables)), manifest: manifest !== null };
    const migrated = check.pending.length ? await applyPostgresMigrations(asRole(freshUrl, role), migrationsDir) : [];
    const notes = old ? await carryOver(admin, old, fresh) : [];

    let saved: string | null = null;
    if (old) {
      saved = await freeName(admin, target, `_before_restore_${compactTime(options.now)}`);
      // No new sessions while the old one gives way (the app's pool would reconnect at once).
      await admin.query(`ALTER DATABASE ${ident(target)} WITH ALLOW_CONNECTIONS false`);
      try {
        const sessions = await sessionsOn(admin, target);
        if (sessions.length && !options.force) throw refuseInUse(sessions);
        if (sessions.length)
          await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [target]);
        // The renames wait (up to 5 s) for ended sessions to go.
        await admin.query("BEGIN");
        await admin.query(`ALTER DATABASE ${ident(target)} RENAME TO ${ident(saved)}`);
        await admin.query(`ALTER DATABASE ${ident(fresh)} RENAME TO ${ident(target)}`);
        await admin.query("COMMIT");
      } catch (error) {
        await admin.query("ROLLBACK").catch(() => undefined);
        await admin.query(`ALTER DATABASE ${ident(target)} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
        if (error instanceof BackupError) throw error;
        throw new BackupError(`The restored database could not take the place of ${to}: ${errorMessage(error)}`);
      }
      fresh = null;
      await admin.query(`ALTER DATABASE ${ident(saved)} WITH ALLOW_CONNECTIONS true`);
    } else {
      await admin.query(`ALTER DATABASE ${ident(fresh)} RENAME TO ${ident(target)}`);
      fresh = null;
    }
    return { from: label, to, check, migrated, saved, notes };
  } finally {
    if (fresh) await dropDatabase(admin, fresh).catch(() => undefined);
    await admin.end();
  }
}
