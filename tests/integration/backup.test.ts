// Backups that restore on SQLite (scripts/backup-sqlite.ts, npm run db:backup / db:restore): a backup taken while
// the app writes holds every write acknowledged before it began and is consistent; restored to a new
// file it passes the checks and the app's routes serve from it; a damaged, foreign or too new file
// is refused and the database it would have replaced is left as it was. The plain file copy that the
// security review found wanting is shown failing the same check.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkStageCounts } from "~/modules/board/stage-counts.server";
import { loader as boardLoader } from "~/routes/board";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as listLoader } from "~/routes/ideas._index";
import { action as newIdeaAction } from "~/routes/ideas.new";
import { createPrismaClient, prisma } from "~/utils/db.server";
import { MIGRATIONS_DIR, applyMigrations, listMigrations, openSqlite } from "~/utils/migrations.server";
import { sqliteFilePath } from "~/utils/sqlite.server";
import { BackupError, backupDatabase, checkDatabase, listBackups, restoreDatabase } from "../../scripts/backup-sqlite";
import { fullBrief, submittedIdea } from "../factories/idea";
import { burstOfWrites } from "../factories/writes";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";

const work = mkdtempSync(path.join(tmpdir(), "idealab-backup-test-"));
/** The database the app of this test file is using (tests/setup gives each file its own). */
const live = path.resolve(sqliteFilePath());
const tsx = path.resolve("node_modules/.bin/tsx");

let author: SignedIn;
let lab: SignedIn;
beforeAll(async () => {
  author = await signedIn({ role: "SUBMITTER", institutionCode: "UR" });
  lab = await signedIn({ role: "FACILITATOR", institutionCode: "VK" });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The ids among `ids` that the database file has as ideas (read only, as SQLite sees the file). */
function ideasIn(file: string, ids: number[]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const found = new Set((db.prepare(`SELECT id FROM "Idea"`).all() as { id: number }[]).map((r) => r.id));
    return ids.filter((id) => found.has(id));
  } finally {
    db.close();
  }
}
const missingFrom = (file: string, ids: number[]) => {
  const present = new Set(ideasIn(file, ids));
  return ids.filter((id) => !present.has(id));
};

/** A fingerprint of a file and the folder it is in: what "left as it was" means. */
function fingerprint(file: string) {
  const dir = path.dirname(file);
  return { hash: createHash("sha256").update(readFileSync(file)).digest("hex"), files: readdirSync(dir).sort() };
}

let backupFile: string;
let acknowledgedBefore: number[];

describe("a backup while the app writes", () => {
  test("holds every write acknowledged before it began; the writes go on while it copies, and it never starts over", async () => {
    const writes = burstOfWrites(author.id);
    // The burst gets going (and the database grows) before the backup starts.
    await writes.until(10);
    acknowledgedBefore = [...writes.acknowledged];
    let steps = 0;
    let pages = 0;
    let startedOver = false;
    let remaining = Infinity;
    // Small steps, so that the app's writes run between the backup's steps.
    const result = await backupDatabase({
      source: live,
      dir: path.join(work, "backups"),
      pagesPerStep: 3,
      onProgress: (progress) => {
        steps++;
        pages = progress.totalPages;
        if (progress.remainingPages > remaining) startedOver = true;
        remaining = progress.remainingPages;
      },
    });
    const duringBackup = writes.acknowledged.length - acknowledgedBefore.length;
    await writes.stop();
    backupFile = result.file;

    // Every write acknowledged before the backup began is in it.
    expect(missingFrom(result.file, acknowledgedBefore)).toEqual([]);
    // The writes went on while it copied, between its steps, and it never started over.
    expect(duringBackup, "writes the app acknowledged while the backup was copying").toBeGreaterThanOrEqual(5);
    expect(steps).toBeGreaterThanOrEqual(pages / 3);
    expect(pages).toBeGreaterThan(50);
    expect(startedOver, "the backup restarted because of the writes").toBe(false);
    expect(path.basename(result.file)).toMatch(/^idealab-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/);
    // The writer is sequential, so a consistent copy holds a prefix of its ideas: all up to the
    // moment of the snapshot, none after a gap.
    const copied = ideasIn(result.file, writes.acknowledged);
    expect(copied).toEqual(writes.acknowledged.slice(0, copied.length));
    expect(copied.length).toBeLessThan(writes.acknowledged.length);
    // And the live database has them all.
    expect(missingFrom(live, writes.acknowledged)).toEqual([]);

    // The file is whole by itself (no write-ahead log needed) and passes the checks.
    expect(existsSync(`${result.file}-wal`)).toBe(false);
    expect(result.check.pending).toEqual([]);
    expect(result.check.ideas).toBe(copied.length);
  });

  test("a plain copy of the database file, taken while the app runs, passes the integrity check yet lacks acknowledged writes", async () => {
    // The log moved into the file, then a few writes, acknowledged, that live in the log.
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submittedIdea(author.id, { title: `Ideja pēc kontrolpunkta ${i}` }));

    const fileCopy = path.join(work, "file-copy.db");
    copyFileSync(live, fileCopy);
    const db = new Database(fileCopy, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    expect(missingFrom(fileCopy, ids), "the file copy lost the acknowledged writes").toEqual(ids);

    // The backup of the same moment has them.
    const backup = await backupDatabase({ source: live, dir: path.join(work, "backups-2") });
    expect(missingFrom(backup.file, ids)).toEqual([]);
  });
});

describe("restoring", () => {
  test("the backup restored to a new file passes the checks, is consistent, and the app serves from it", async () => {
    const target = path.join(work, "restored", "idealab.db");
    const result = await restoreDatabase({ from: backupFile, to: target });
    expect(result).toMatchObject({ to: target, migrated: [], saved: null });
    const check = checkDatabase(target);
    expect(check.pending).toEqual([]);
    expect(check.applied).toEqual(listMigrations().map((m) => m.name));
    expect(missingFrom(target, acknowledgedBefore)).toEqual([]);

    // The app, pointed at the restored file: the same client the server makes, in place of this test file's.
    const global = globalThis as { __prisma?: unknown };
    const original = global.__prisma;
    const restored = createPrismaClient(`file:${target}`);
    global.__prisma = restored;
    try {
      // Consistent: the board's kept stage counts agree with the ideas, every submitted idea has its history.
      expect(await checkStageCounts()).toEqual([]);
      expect(await restored.idea.count({ where: { status: { not: "DRAFT" }, events: { none: { type: "SUBMITTED" } } } })).toBe(0);

      expect((await run(healthLoader, { request: getRequest("/healthz") })).status).toBe(200);
      // The author's session, made before the backup, still signs them in.
      const list = await run(listLoader, { request: getRequest("/ideas/mine", author.cookie) });
      expect(list.status).toBe(200);
      expect((list.data as { total: number }).total).toBeGreaterThanOrEqual(acknowledgedBefore.length);
      const last = acknowledgedBefore.at(-1)!;
      const page = await run(ideaLoader, { request: getRequest(`/ideas/${last}`, author.cookie), params: { id: String(last) } });
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.data)).toContain(`Ideja no rakstīšanas brāzmas ${acknowledgedBefore.length}`);
      expect((await run(boardLoader, { request: getRequest("/board", lab.cookie) })).status).toBe(200);

      // And takes new writes.
      const institutionId = (await restored.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
      const posted = await run(newIdeaAction, {
        request: formRequest(
          "/ideas/new",
          { ...fullBrief({ title: "Pirmā ideja pēc atjaunošanas" }), institutionId: String(institutionId) },
          { cookie: author.cookie },
        ),
      });
      expect(posted.status, JSON.stringify(posted.data)).toBe(302);
      const newId = Number(/\/ideas\/(\d+)/.exec(posted.location!)![1]);
      expect(await restored.idea.findUnique({ where: { id: newId }, select: { title: true } })).toEqual({ title: "Pirmā ideja pēc atjaunošanas" });
    } finally {
      global.__prisma = original;
      await restored.$disconnect();
    }
    expect(await prisma.idea.findFirst({ where: { title: "Pirmā ideja pēc atjaunošanas" } })).toBeNull();
  });

  test("a damaged, foreign or too new file is refused and the database is left as it was", async () => {
    const target = path.join(work, "kept", "idealab.db");
    await restoreDatabase({ from: backupFile, to: target });
    const bad = path.join(work, "bad");
    mkdirSync(bad, { recursive: true });
    const candidates: [string, () => string, RegExp][] = [
      [
        "truncated",
        () => {
          const file = path.join(bad, "truncated.db");
          copyFileSync(backupFile, file);
          truncateSync(file, Math.floor(readFileSync(file).length / 2));
          return file;
        },
        /cannot be read as a SQLite database|fails SQLite's integrity check|not a readable SQLite database/,
      ],
      [
        "random bytes",
        () => {
          const file = path.join(bad, "random.db");
          writeFileSync(file, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251)));
          return file;
        },
        /cannot be read as a SQLite database: file is not a database/,
      ],
      [
        "an empty file",
        () => {
          const file = path.join(bad, "empty.db");
          writeFileSync(file, "");
          return file;
        },
        /is not an Idea Lab database: it has no migration history/,
      ],
      [
        "another application's SQLite file",
        () => {
          const file = path.join(bad, "other.db");
          const db = new Database(file);
          db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`);
          db.close();
          return file;
        },
        /is not an Idea Lab database: it has no migration history \(_prisma_migrations\); it has notes/,
      ],
      [
        "another Prisma project's database",
        () => {
          const file = path.join(bad, "other-prisma.db");
          const db = new Database(file);
          db.exec(`CREATE TABLE "_prisma_migrations" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at DATETIME, migration_name TEXT NOT NULL,
            logs TEXT, rolled_back_at DATETIME, started_at DATETIME NOT NULL DEFAULT current_timestamp, applied_steps_count INTEGER NOT NULL DEFAULT 0);
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name) VALUES ('1', 'x', '2026-01-01', '20250101000000_shop_init')`);
          db.close();
          return file;
        },
        /is not an Idea Lab database: none of its migrations is one of Idea Lab's \(it has 20250101000000_shop_init\)/,
      ],
      [
        "a backup from a newer version",
        () => {
          const file = path.join(bad, "future.db");
          copyFileSync(backupFile, file);
          const db = new Database(file);
          db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('future', 'x', ?, ?, 1)`).run(
            new Date().toISOString(),
            "29991231000000_from_the_future",
          );
          db.close();
          return file;
        },
        /made by a newer or different version of Idea Lab: it has migrations this code does not know \(29991231000000_from_the_future\)/,
      ],
      [
        "a migration changed after it was applied",
        () => {
          const file = path.join(bad, "changed.db");
          copyFileSync(backupFile, file);
          const db = new Database(file);
          db.prepare(`UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name = ?`).run(listMigrations()[1].name);
          db.close();
          return file;
        },
        /applied in a form that differs from this code's/,
      ],
    ];
    for (const [what, make, message] of candidates) {
      const before = fingerprint(target);
      const file = make();
      const refused = await restoreDatabase({ from: file, to: target }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused, what).toBeInstanceOf(BackupError);
      expect((refused as Error).message, what).toMatch(message);
      expect((refused as Error).message, what).toContain(file);
      expect(fingerprint(target), `${what}: the database and its folder are as they were`).toEqual(before);
    }
    // What was there still passes the checks.
    expect(checkDatabase(target).pending).toEqual([]);
  });

  test("a copy from before the newest migrations is brought up to date by the migration runner", async () => {
    const migrations = listMigrations();
    const older = path.join(work, "older-migrations");
    for (const m of migrations.slice(0, -2)) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(older, m.name), { recursive: true });
    const file = path.join(work, "older.db");
    const db = openSqlite(file);
    applyMigrations(db, older);
    db.close();
    expect(checkDatabase(file).pending).toEqual(migrations.slice(-2).map((m) => m.name));

    const target = path.join(work, "older-restored", "idealab.db");
    const result = await restoreDatabase({ from: file, to: target });
    expect(result.migrated).toEqual(migrations.slice(-2).map((m) => m.name));
    expect(checkDatabase(target)).toMatchObject({ pending: [], applied: migrations.map((m) => m.name) });
  });

  test("refuses while the database is open in another connection; once it is closed, replaces it and keeps the old one", async () => {
    const target = path.join(work, "in-use", "idealab.db");
    await restoreDatabase({ from: backupFile, to: target });
    // The app, running on the target and writing to it after the backup was taken.
    const app = createPrismaClient(`file:${target}`);
    const later = await app.idea.create({
      data: { title: "Rakstīts pēc dublējuma", status: "DRAFT", authorId: author.id, institutionId: author.institutionId },
    });
    expect(existsSync(`${target}-wal`)).toBe(true);
    const before = fingerprint(target);
    await expect(restoreDatabase({ from: backupFile, to: target })).rejects.toThrow(/is open in another process \(is the app running\?\).*--force/);
    expect(fingerprint(target)).toEqual(before);
    await app.$disconnect();

    const result = await restoreDatabase({ from: backupFile, to: target, now: new Date("2026-12-02T18:30:00Z") });
    expect(result.saved).toBe(`${target}.before-restore-2026-12-02T18-30-00Z`);
    for (const suffix of ["-wal", "-shm"]) expect(existsSync(target + suffix), suffix).toBe(false);
    // The restored file is the backup's; the replaced one, kept whole by itself, has the later write.
    expect(ideasIn(target, [later.id])).toEqual([]);
    expect(existsSync(`${result.saved}-wal`)).toBe(false);
    expect(ideasIn(result.saved!, [later.id])).toEqual([later.id]);
    expect(checkDatabase(result.saved!).pending).toEqual([]);
  });

  test("replaces a damaged database, keeping it as it was", async () => {
    const target = path.join(work, "damaged", "idealab.db");
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, Buffer.alloc(8192, 1));
    const result = await restoreDatabase({ from: backupFile, to: target });
    expect(missingFrom(target, acknowledgedBefore)).toEqual([]);
    expect(readFileSync(result.saved!)).toEqual(Buffer.alloc(8192, 1));
  });

  test("refuses to restore the database over itself", async () => {
    await expect(restoreDatabase({ from: live, to: live })).rejects.toThrow(/is the database itself/);
  });
});

test("keeps the newest N backups and never touches other files in the folder", async () => {
  const dir = path.join(work, "rotation");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "notes.txt"), "mine");
  writeFileSync(path.join(dir, "idealab-before-upgrade.db"), "kept by hand");
  const made: string[] = [];
  for (const hour of [10, 11, 12, 13, 14]) {
    const result = await backupDatabase({ source: live, dir, keep: 3, now: new Date(`2026-12-0${hour % 2 ? 1 : 2}T${hour}:00:00Z`) });
    made.push(path.basename(result.file));
  }
  // Two in the same second are told apart.
  const twin = await backupDatabase({ source: live, dir, keep: 3, now: new Date("2026-12-02T14:00:00Z") });
  expect(path.basename(twin.file)).toBe("idealab-2026-12-02T14-00-00Z-1.db");
  expect(listBackups(dir).map((f) => path.basename(f))).toEqual([
    "idealab-2026-12-02T14-00-00Z-1.db",
    "idealab-2026-12-02T14-00-00Z.db",
    "idealab-2026-12-02T12-00-00Z.db",
  ]);
  expect(readdirSync(dir).sort()).toEqual([
    "idealab-2026-12-02T12-00-00Z.db",
    "idealab-2026-12-02T14-00-00Z-1.db",
    "idealab-2026-12-02T14-00-00Z.db",
    "idealab-before-upgrade.db",
    "notes.txt",
  ]);
  await expect(backupDatabase({ source: live, dir, keep: 0 })).rejects.toThrow(/at least 1/);
});

describe("the commands", () => {
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, DATABASE_URL: `file:${live}`, ...extra });

  test("npm run db:backup copies the running database while the app writes, and says what it wrote", async () => {
    const dir = path.join(work, "cli-backups");
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
    const [file] = listBackups(dir);
    expect(out).toContain(`Backed up ${path.relative(process.cwd(), live)} to ${file}`);
    expect(out).toMatch(/\d+\.\d MB \([\d,]+ pages\), copied in \d+\.\d\d s, checked in \d+\.\d\d s: integrity ok, \d+ migration\(s\)/);
    expect(out).toContain("keeping the newest 2");
    expect(missingFrom(file, before)).toEqual([]);
  }, 60_000);

  test("npm run db:restore refuses a damaged file with a message and a non-zero exit, checks a good one, and restores it", () => {
    const target = path.join(work, "cli-restore", "idealab.db");
    const random = path.join(work, "cli-random.db");
    writeFileSync(random, Buffer.alloc(10_000, 7));

    const refused = spawnSync(tsx, ["scripts/db-restore.ts", random, "--to", target], { env: env(), encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Refused: ${random} cannot be read as a SQLite database`);
    expect(existsSync(target)).toBe(false);

    const checked = spawnSync(tsx, ["scripts/db-restore.ts", "--check", backupFile], { env: env(), encoding: "utf8" });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/integrity ok, an Idea Lab database with [\d,]+ ideas .* up to date with this code\. It can be restored\./);

    const restored = spawnSync(tsx, ["scripts/db-restore.ts", backupFile, "--to", target], { env: env(), encoding: "utf8" });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("The app must be stopped while restoring");
    expect(restored.stdout).toContain("Restored");
    expect(missingFrom(target, acknowledgedBefore)).toEqual([]);
  }, 60_000);
});
