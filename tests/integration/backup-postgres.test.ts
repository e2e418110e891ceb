// Backups that restore on PostgreSQL (scripts/backup-postgres.ts behind scripts/backup-lib.ts,
// npm run db:backup / db:restore with a postgresql:// DATABASE_URL): a backup taken during a burst
// of writes holds every write acknowledged before it began and is proved by a full restore before it
// is kept; a damaged file, a foreign one and one from a database with a migration this code lacks
// are refused and the database is left as it was; an older one is migrated; a restore over the
// running app's database refuses, then with --force the app's own client reads the restored rows.
// PostgreSQL only: on SQLite, tests/integration/backup.test.ts.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkStageCounts } from "~/modules/board/stage-counts.server";
import { loader as boardLoader } from "~/routes/board";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as listLoader } from "~/routes/ideas._index";
import { action as newIdeaAction } from "~/routes/ideas.new";
import { prisma } from "~/utils/db.server";
import { POSTGRES_MIGRATIONS_DIR, applyPostgresMigrations, listMigrations } from "~/utils/migrations.server";
import { BackupError, type Backup, backup, checkBackup, listBackups, restore } from "../../scripts/backup-lib";
import { fullBrief } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";
import { burstOfWrites } from "../factories/writes";
import { admin, databaseOn } from "../setup/postgres";

const onPostgres = process.env.TEST_ENGINE === "postgresql";
const tsx = path.resolve("node_modules/.bin/tsx");

/** The database the app of this test file is using (tests/setup gives each file its own). */
const live = process.env.DATABASE_URL!;
const liveName = decodeURIComponent(new URL(live).pathname.slice(1));
/**
 * The databases of this file begin with this: the backups name theirs after the database (shortened
 * to fit PostgreSQL's 63 bytes with their longest suffix, `_before_restore_<time>_<n>`), and so does this file.
 */
const family = liveName.slice(0, 63 - "_before_restore_20261202T183000Z_99".length);
const ours = (suffix: string) => `${family}_${suffix}`;
/** A role of this file's own, for the app's user (roles belong to the whole server). */
const appRole = ours("app");
const urlOf = (name: string) => databaseOn(name);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
/** The databases of this file on the server. */
const databasesOfThisFile = async () =>
  (await admin((c) => c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname`, [family]))).rows.map(
    (r) => r.datname,
  );
const ideaIdsIn = async (url: string) => (await query<{ id: number }>(url, `SELECT id FROM "Idea" ORDER BY id`)).map((r) => r.id);
/** What "left as it was" means for a database: the same database (its oid), with the same ideas and the same history. */
async function fingerprint(name: string) {
  const [{ oid }] = (await admin((c) => c.query<{ oid: number }>(`SELECT oid FROM pg_database WHERE datname = $1`, [name]))).rows;
  const url = urlOf(name);
  const [counts] = await query<{ ideas: number; events: number; migrations: number }>(
    url,
    `SELECT (SELECT count(*)::int FROM "Idea") AS ideas, (SELECT count(*)::int FROM "Event") AS events, (SELECT count(*)::int FROM "_prisma_migrations") AS migrations`,
  );
  return { oid, ...counts, ids: await ideaIdsIn(url) };
}
/** pg_dump of the database `url` into `file`, as an administrator would make one by hand. */
function dump(url: string, file: string, ...options: string[]) {
  const done = spawnSync("pg_dump", ["--format=custom", ...options, `--file=${file}`, `--dbname=${url}`], { encoding: "utf8" });
  if (done.status !== 0) throw new Error(done.stderr);
}
/** The error a promise was refused with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe.runIf(onPostgres)("PostgreSQL backups", () => {
  const work = mkdtempSync(path.join(tmpdir(), "idealab-pg-backup-test-"));
  let author: SignedIn;
  let lab: SignedIn;
  let first: Backup;
  let acknowledgedBefore: number[];

  beforeAll(async () => {
    author = await signedIn({ role: "SUBMITTER", institutionCode: "UR" });
    lab = await signedIn({ role: "FACILITATOR", institutionCode: "VK" });
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    // The live database itself is dropped by tests/setup; everything else this file made goes here.
    for (const name of await databasesOfThisFile()) if (name !== liveName) await admin((c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    await admin((c) => c.query(`DROP ROLE IF EXISTS "${appRole}"`));
  });

  test("a backup during a burst of writes holds every write acknowledged before it began, proved by a full restore before it is kept", async () => {
    const writes = burstOfWrites(author.id);
    await writes.until(10);
    acknowledgedBefore = [...writes.acknowledged];
    const started = performance.now();
    first = await backup({ url: live, dir: path.join(work, "backups") });
    const tookMs = performance.now() - started;
    const duringBackup = writes.acknowledged.length - acknowledgedBefore.length;
    await writes.stop();

    expect(path.basename(first.file)).toMatch(/^idealab-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump$/);
    expect(readFileSync(first.file).subarray(0, 5).toString()).toBe("PGDMP");
    expect(first.check.pending).toEqual([]);
    expect(first.check.applied).toEqual(listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));
    // The app was not held up: its writes went on while pg_dump ran and the backup was proved.
    expect(duringBackup, `writes the app acknowledged during the backup's ${Math.round(tookMs)} ms`).toBeGreaterThanOrEqual(3);

    // What the file holds, restored into a database of its own.
    const probe = urlOf(ours("probe"));
    await restore({ url: probe, from: first.file });
    const copied = (await ideaIdsIn(probe)).filter((id) => writes.acknowledged.includes(id));
    // Every write acknowledged before the backup began is in it…
    expect(acknowledgedBefore.filter((id) => !copied.includes(id))).toEqual([]);
    // …and it is one moment: a prefix of the sequential writer's ideas, without the later ones.
    expect(copied).toEqual(writes.acknowledged.slice(0, copied.length));
    expect(copied.length).toBeLessThan(writes.acknowledged.length);
    // The proof restored exactly the rows of that moment, in every table.
    const tables = first.check.tables!;
    expect(tables.Idea).toBe((await ideaIdsIn(probe)).length);
    expect(tables.Event).toBe((await query<{ n: number }>(probe, `SELECT count(*)::int AS n FROM "Event"`))[0].n);
    expect(Object.keys(tables).length).toBeGreaterThanOrEqual(20);
    // Beside it, its manifest: the SHA-256 of the file and the rows of every table.
    const manifest = JSON.parse(readFileSync(`${first.file}.json`, "utf8")) as { sha256: string; tables: Record<string, number> };
    expect(manifest.sha256).toBe(createHash("sha256").update(readFileSync(first.file)).digest("hex"));
    expect(manifest.tables).toEqual(tables);
    // No scratch database is left behind.
    expect(await databasesOfThisFile()).toEqual([liveName, ours("probe")].sort());
  });

  test("a damaged, foreign or incomplete file is refused, and the database it would replace is left as it was", async () => {
    const kept = ours("kept");
    await restore({ url: urlOf(kept), from: first.file });
    const bad = path.join(work, "bad");
    mkdirSync(bad, { recursive: true });
    const size = readFileSync(first.file).length;
    const candidates: [string, () => string, RegExp][] = [
      [
        "cut off halfway",
        () => {
          const file = path.join(bad, "truncated.dump");
          copyFileSync(first.file, file);
          truncateSync(file, Math.floor(size / 2));
          return file;
        },
        /cannot be (read as a PostgreSQL backup|restored, so it is damaged or incomplete)/,
      ],
      [
        "one byte changed anywhere, with its manifest beside it",
        () => {
          const file = path.join(bad, "flipped.dump");
          const bytes = readFileSync(first.file);
          // In the table of contents, which pg_restore does not checksum: the manifest's SHA-256 finds it.
          bytes[Math.floor(size / 20)] ^= 0x01;
          writeFileSync(file, bytes);
          copyFileSync(`${first.file}.json`, `${file}.json`);
          return file;
        },
        /is damaged or was changed since it was made: it does not match the SHA-256 recorded beside it in .*flipped\.dump\.json\./,
      ],
      [
        "one byte changed in the data at the end, without its manifest",
        () => {
          const file = path.join(bad, "flipped-data.dump");
          const bytes = readFileSync(first.file);
          // The last table's data, compressed: zlib's own checksum finds it when the restore reads it.
          bytes[size - 64] ^= 0xff;
          writeFileSync(file, bytes);
          return file;
        },
        /cannot be restored, so it is damaged or incomplete: pg_restore: error: could not uncompress data/,
      ],
      [
        "rows missing, with a manifest that counted them",
        () => {
          // A whole, readable archive of the same database with one idea fewer: only the manifest knows.
          const file = path.join(bad, "fewer-rows.dump");
          const fewer = ours("fewer");
          spawnSync("createdb", ["-h", "127.0.0.1", "-U", "postgres", fewer]);
          expect(spawnSync("pg_restore", ["--no-owner", `--dbname=${urlOf(fewer)}`, first.file]).status).toBe(0);
          spawnSync("psql", [urlOf(fewer), "-qc", `DELETE FROM "Idea" WHERE id = (SELECT max(id) FROM "Idea")`]);
          dump(urlOf(fewer), file);
          const manifest = JSON.parse(readFileSync(`${first.file}.json`, "utf8")) as { sha256: string; bytes: number };
          manifest.sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
          manifest.bytes = readFileSync(file).length;
          writeFileSync(`${file}.json`, JSON.stringify(manifest));
          return file;
        },
        /does not restore to what was backed up: .*Idea has \d+ row\(s\) where the database had \d+/,
      ],
      [
        "random bytes",
        () => {
          const file = path.join(bad, "random.dump");
          writeFileSync(file, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251)));
          return file;
        },
        /cannot be read as a PostgreSQL backup: it is not a pg_dump archive in custom format/,
      ],
      [
        "an empty file",
        () => {
          const file = path.join(bad, "empty.dump");
          writeFileSync(file, "");
          return file;
        },
        /cannot be read as a PostgreSQL backup: .*; it is empty\./,
      ],
      [
        "a SQLite backup",
        () => {
          const file = path.join(bad, "idealab.db");
          const db = new Database(file);
          db.exec(`CREATE TABLE "Idea" (id INTEGER PRIMARY KEY, title TEXT)`);
          db.close();
          return file;
        },
        /is a SQLite backup, not a PostgreSQL one\. To move its data into this PostgreSQL database, use npm run db:copy-to-postgres -- --from file:/,
      ],
      [
        "a plain SQL dump",
        () => {
          const file = path.join(bad, "plain.sql");
          const done = spawnSync("pg_restore", ["--file", file, first.file]);
          expect(done.status).toBe(0);
          return file;
        },
        /it is not a pg_dump archive in custom format/,
      ],
      [
        "the schema without the data",
        () => {
          const file = path.join(bad, "schema-only.dump");
          dump(urlOf(kept), file, "--schema-only");
          return file;
        },
        /is not a backup of an Idea Lab database: it holds no data for _prisma_migrations, Idea, User/,
      ],
      [
        "another application's database",
        () => {
          const file = path.join(bad, "other.dump");
          const other = ours("other_app");
          spawnSync("createdb", ["-h", "127.0.0.1", "-U", "postgres", other]);
          return ((url) => {
            spawnSync("psql", [url, "-qc", "CREATE TABLE notes (id serial PRIMARY KEY, body text); INSERT INTO notes (body) VALUES ('hello')"]);
            dump(url, file);
            return file;
          })(urlOf(other));
        },
        /is not a backup of an Idea Lab database: it holds no data for _prisma_migrations/,
      ],
    ];
    for (const [what, make, message] of candidates) {
      const file = make();
      const before = await fingerprint(kept);
      const databases = await databasesOfThisFile();
      const refused = await refusal(restore({ url: urlOf(kept), from: file }));
      expect(refused, what).toBeInstanceOf(BackupError);
      expect((refused as Error).message, what).toMatch(message);
      expect((refused as Error).message, what).toContain(file);
      expect(await fingerprint(kept), `${what}: the database is the same one, with the same rows`).toEqual(before);
      expect(await databasesOfThisFile(), `${what}: nothing is left behind`).toEqual(databases);
      // --check says the same, and changes nothing either.
      await expect(checkBackup({ url: live, file }), what).rejects.toThrow(message);
    }
  }, 120_000);

  test("a backup from a database with a migration this code lacks, or with a migration changed after it was applied, is refused", async () => {
    const kept = ours("kept");
    const before = await fingerprint(kept);
    const made: [string, string, RegExp][] = [
      [
        "future",
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('future', 'x', now(), '29991231000000_from_the_future', 1)`,
        /was made by a newer or different version of Idea Lab: it has migrations this code does not know \(29991231000000_from_the_future\)/,
      ],
      [
        "changed",
        `UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name = '${listMigrations(POSTGRES_MIGRATIONS_DIR)[1].name}'`,
        /has migration \S+ applied in a form that differs from this code's \(checksum\)/,
      ],
    ];
    for (const [name, sql, message] of made) {
      // A real backup of such a database: the lab's data, and the migration history it says.
      const source = ours(name);
      await restore({ url: urlOf(source), from: first.file });
      await query(urlOf(source), sql);
      const file = path.join(work, `${name}.dump`);
      dump(urlOf(source), file);

      await expect(restore({ url: urlOf(kept), from: file }), name).rejects.toThrow(message);
      await expect(checkBackup({ url: live, file }), name).rejects.toThrow(message);
      // The backup of it is refused too: the copy would not restore on this code.
      await expect(backup({ url: urlOf(source), dir: path.join(work, `backups-${name}`) }), name).rejects.toThrow(message);
      expect(listBackups(path.join(work, `backups-${name}`), ".dump"), name).toEqual([]);
    }
    expect(await fingerprint(kept)).toEqual(before);
  }, 60_000);

  test("a backup from before the newest migrations is restored and brought up to date by the migration runner", async () => {
    const migrations = listMigrations(POSTGRES_MIGRATIONS_DIR);
    const olderDir = path.join(work, "older-migrations");
    for (const m of migrations.slice(0, -2)) cpSync(path.join(POSTGRES_MIGRATIONS_DIR, m.name), path.join(olderDir, m.name), { recursive: true });
    const older = ours("older");
    await admin((c) => c.query(`CREATE DATABASE "${older}"`));
    await applyPostgresMigrations(urlOf(older), olderDir);
    const file = path.join(work, "older.dump");
    dump(urlOf(older), file);

    const checked = await checkBackup({ url: live, file });
    expect(checked.pending).toEqual(migrations.slice(-2).map((m) => m.name));
    const result = await restore({ url: urlOf(ours("older_restored")), from: file });
    expect(result.migrated).toEqual(migrations.slice(-2).map((m) => m.name));
    const applied = await query<{ migration_name: string }>(urlOf(ours("older_restored")), `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(applied.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
  }, 60_000);

  test("an administrator restoring the app's database leaves every table to the app's role, the newer migrations' too", async () => {
    await admin((c) => c.query(`CREATE ROLE "${appRole}" LOGIN CREATEDB`));
    const name = ours("owned");
    await admin((c) => c.query(`CREATE DATABASE "${name}" OWNER "${appRole}"`));
    const asApp = new URL(databaseOn(name));
    asApp.username = appRole;
    // The app's own user restores its database, as the README says to.
    const byApp = await restore({ url: asApp.toString(), from: first.file });
    expect(byApp.saved).toMatch(/_before_restore_/);
    // Then an administrator (a superuser) restores an older backup over it, which needs migrations.
    const byAdmin = await restore({ url: databaseOn(name), from: path.join(work, "older.dump") });
    expect(byAdmin.migrated.length).toBe(2);
    const owners = await query<{ owner: string }>(
      databaseOn(name),
      `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'
       UNION SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace`,
    );
    expect(owners).toEqual([{ owner: appRole }]);
    const [{ owner }] = (await admin((c) => c.query<{ owner: string }>(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1`, [name])))
      .rows;
    expect(owner).toBe(appRole);
    // And the app's user can work in it.
    expect(
      await query(asApp.toString(), `INSERT INTO "Institution" (code, "nameLv", "nameEn", "updatedAt") VALUES ('ZZ', 'Tests', 'Test', now()) RETURNING id`),
    ).toHaveLength(1);
  }, 60_000);

  test("restoring over the running app's database refuses while it is connected; with --force the app's own client reads the restored rows", async () => {
    // Written after the backup: the restore takes the database back to before it.
    const later = await prisma.idea.create({
      data: { title: "Rakstīts pēc dublējuma", status: "DRAFT", authorId: author.id, institutionId: author.institutionId },
    });
    // What the database has beyond its rows, which the restored one must have too.
    await admin((c) => c.query(`ALTER DATABASE "${liveName}" SET idealab.note = 'kept across a restore'`));
    await admin((c) => c.query(`REVOKE CONNECT ON DATABASE "${liveName}" FROM PUBLIC`));
    await admin((c) => c.query(`GRANT CONNECT ON DATABASE "${liveName}" TO pg_monitor`));
    const before = await fingerprint(liveName);
    expect(await prisma.idea.count()).toBe(before.ideas); // the app's pool holds a connection

    const refused = await refusal(restore({ url: live, from: first.file }));
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as Error).message).toMatch(/has \d+ other session\(s\) connected \(is the app running\?.*The backup itself passed its checks.*--force/);
    expect(await fingerprint(liveName)).toEqual(before);
    expect(await databasesOfThisFile()).not.toContainEqual(expect.stringContaining("_restoring_"));

    const result = await restore({ url: live, from: first.file, force: true, now: new Date("2026-12-02T18:30:00Z") });
    // Named after the database and the time, within PostgreSQL's 63 bytes.
    expect(result.saved).toMatch(/_before_restore_20261202T183000Z$/);
    expect(result.saved!.startsWith(family) && Buffer.byteLength(result.saved!) <= 63).toBe(true);
    expect(result.notes).toEqual([]);

    // The app's client, the same one as before the restore: its sessions were ended, it reconnects to the restored database.
    expect(await prisma.idea.findUnique({ where: { id: later.id } })).toBeNull();
    const ids = (await prisma.idea.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
    expect(acknowledgedBefore.filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.length).toBe(first.check.ideas);
    expect(await checkStageCounts()).toEqual([]);
    expect((await run(healthLoader, { request: getRequest("/healthz") })).status).toBe(200);
    // The author's session, made before the backup, still signs them in.
    const list = await run(listLoader, { request: getRequest("/ideas/mine", author.cookie) });
    expect(list.status).toBe(200);
    const last = acknowledgedBefore.at(-1)!;
    const page = await run(ideaLoader, { request: getRequest(`/ideas/${last}`, author.cookie), params: { id: String(last) } });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).toContain(`Ideja no rakstīšanas brāzmas ${acknowledgedBefore.length}`);
    expect((await run(boardLoader, { request: getRequest("/board", lab.cookie) })).status).toBe(200);
    // And takes new writes, with ids after the restored ones (the sequences came back with the rows).
    const institutionId = (await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
    const posted = await run(newIdeaAction, {
      request: formRequest(
        "/ideas/new",
        { ...fullBrief({ title: "Pirmā ideja pēc atjaunošanas" }), institutionId: String(institutionId) },
        { cookie: author.cookie },
      ),
    });
    expect(posted.status, JSON.stringify(posted.data)).toBe(302);
    expect(Number(/\/ideas\/(\d+)/.exec(posted.location!)![1])).toBeGreaterThan(Math.max(...ids));

    // The restored database is made like the one it replaced: its setting and who may connect.
    const [setting] = await query<{ note: string }>(live, `SELECT current_setting('idealab.note') AS note`);
    expect(setting.note).toBe("kept across a restore");
    const acl = async (name: string) =>
      (await admin((c) => c.query<{ acl: string[] }>(`SELECT datacl::text[] AS acl FROM pg_database WHERE datname = $1`, [name]))).rows[0].acl.sort().join(" ");
    expect(await acl(liveName)).toMatch(/pg_monitor=c\//);
    expect(await acl(liveName)).not.toMatch(/(^| )=[A-Za-z]*c/); // PUBLIC may not connect
    expect(await acl(liveName)).toBe(await acl(result.saved!));
    // The replaced database is kept whole, with the write made after the backup.
    expect(await ideaIdsIn(urlOf(result.saved!))).toContain(later.id);
  }, 60_000);

  describe("the commands", () => {
    const env = (extra: Record<string, string> = {}) => ({ ...process.env, DATABASE_URL: live, ...extra });

    test("npm run db:backup dumps the database while the app writes, says what it wrote, and keeps the newest N .dump files only", async () => {
      const dir = path.join(work, "cli-backups");
      mkdirSync(dir, { recursive: true });
      // Older backups of both engines, and someone's notes.
      for (const name of [
        "idealab-2026-01-01T02-30-00Z.dump",
        "idealab-2026-01-01T02-30-00Z.dump.json",
        "idealab-2026-01-02T02-30-00Z.dump",
        "idealab-2026-01-01T02-30-00Z.db",
        "notes.txt",
      ])
        writeFileSync(path.join(dir, name), "older");
      const writes = burstOfWrites(author.id);
      await writes.until(3);
      const before = [...writes.acknowledged];
      const child = spawn(tsx, ["scripts/db-backup.ts", "--keep", "2"], { env: env({ BACKUP_DIR: dir }) });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk));
      child.stderr.on("data", (chunk: Buffer) => (err += chunk));
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
      await writes.stop();
      expect(status, err).toBe(0);
      expect(writes.acknowledged.length, "the app kept writing while the command ran").toBeGreaterThan(before.length);
      const [file] = listBackups(dir, ".dump");
      expect(out).toContain(`Backed up postgresql://postgres@127.0.0.1:5432/${liveName} to ${file}`);
      expect(out).toMatch(
        /\d+\.\d MB \(pg_dump archive, custom format\), dumped in \d+\.\d\d s, checked in \d+\.\d\d s: restored in full into a scratch database, all \d+ tables with the rows of the snapshot, \d+ migration\(s\)/,
      );
      expect(out).toContain("(keeping the newest 2); removed idealab-2026-01-01T02-30-00Z.dump");
      expect(readdirSync(dir).sort()).toEqual(
        [path.basename(file), `${path.basename(file)}.json`, "idealab-2026-01-01T02-30-00Z.db", "idealab-2026-01-02T02-30-00Z.dump", "notes.txt"].sort(),
      );
      const restoredIds = await (async () => {
        await restore({ url: urlOf(ours("cli_probe")), from: file });
        return ideaIdsIn(urlOf(ours("cli_probe")));
      })();
      expect(before.filter((id) => !restoredIds.includes(id))).toEqual([]);
    }, 60_000);

    test("npm run db:restore refuses a damaged file with a message and exit code 1, checks a good one, and restores into --to", () => {
      const damaged = path.join(work, "cli-damaged.dump");
      const bytes = readFileSync(first.file);
      writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 3)));
      const target = urlOf(ours("cli_target"));

      const refused = spawnSync(tsx, ["scripts/db-restore.ts", damaged, "--to", target], { env: env(), encoding: "utf8" });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`Refused: ${damaged.replaceAll(/[.*+?^${}()|[\]\\/]/g, "\\$&")} cannot be`));
      expect(refused.stderr).toContain("Nothing was changed.");

      const checked = spawnSync(tsx, ["scripts/db-restore.ts", "--check", first.file], { env: env(), encoding: "utf8" });
      expect(checked.status, checked.stderr).toBe(0);
      expect(checked.stdout).toMatch(
        /matches its manifest \(SHA-256\), restored in full into a scratch database \(\d+ tables, each with the rows of the manifest\), an Idea Lab database with [\d,]+ ideas .* up to date with this code\. It can be restored\./,
      );

      const restored = spawnSync(tsx, ["scripts/db-restore.ts", first.file, "--to", target], { env: env(), encoding: "utf8" });
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`Restored postgresql://postgres@127.0.0.1:5432/${ours("cli_target")}.`);
      return ideaIdsIn(target).then((ids) => expect(acknowledgedBefore.filter((id) => !ids.includes(id))).toEqual([]));
    }, 60_000);
  });
});
