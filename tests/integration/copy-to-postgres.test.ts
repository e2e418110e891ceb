// Moving a lab from SQLite to PostgreSQL (scripts/copy-to-postgres.ts, npm run db:copy-to-postgres):
// the demo lab, seeded into a SQLite file the way `npm start` does, plus rows as older versions and
// hand edits left them, is copied into an empty PostgreSQL database: every table has the same rows
// (each model read through the app's Prisma client on both engines is the same), dates, booleans,
// enums, JSON and Latvian letters come through, new rows get fresh ids, the audit log stays
// append-only, the dashboard shows the same figures, and a non-empty target or a source behind this
// code's migrations is refused. PostgreSQL only.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { loader as boardLoader } from "~/routes/board";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { type Db, createPrismaClient } from "~/utils/db.server";
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR, applyMigrations, applyPostgresMigrations, listMigrations, openSqlite } from "~/utils/migrations.server";
import { CopyError, type CopyResult, copyToPostgres, momentOf } from "../../scripts/copy-to-postgres";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { sessionCookieFor } from "../factories/user";
import { admin, databaseOn } from "../setup/postgres";

const onPostgres = process.env.TEST_ENGINE === "postgresql";
const tsx = path.resolve("node_modules/.bin/tsx");
const liveName = decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));
/** This file's databases: named after the one tests/setup gave it, and dropped at the end. */
const ours = (suffix: string) => `${liveName}_${suffix}`;
const createDatabase = (name: string) => admin((c) => c.query(`CREATE DATABASE "${name}"`));

/** Every row of every model, read through a Prisma client as the app reads them, in a stable order. */
async function everything(db: Db) {
  const all: Record<string, unknown[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[model[0].toLowerCase() + model.slice(1)];
    const rows = await delegate.findMany();
    all[model] = rows
      .map((r) => [JSON.stringify(r), r] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  }
  return all;
}

/** Runs `work` as the app would on the database of `client`: its client, its URL (which picks the engine's queries). */
async function asApp<T>(url: string, client: Db, work: () => Promise<T>) {
  const global = globalThis as { __prisma?: unknown };
  const saved = { prisma: global.__prisma, url: process.env.DATABASE_URL };
  global.__prisma = client;
  process.env.DATABASE_URL = url;
  try {
    return await work();
  } finally {
    global.__prisma = saved.prisma;
    process.env.DATABASE_URL = saved.url;
  }
}

describe.runIf(onPostgres)("copying a SQLite lab to PostgreSQL", () => {
  const work = mkdtempSync(path.join(tmpdir(), "idealab-copy-test-"));
  const file = path.join(work, "dev.db");
  const sqliteUrl = `file:${file}`;
  const target = databaseOn(ours("copy"));
  let sqlite: Db;
  let postgres: Db;
  let result: CopyResult;
  let deletedIdeaId: number;
  let seedMs: number;

  beforeAll(async () => {
    // The demo lab as `npm start` makes it (npm run db:setup: migrations, reference data, demo data, flow figures).
    const started = performance.now();
    const setup = spawnSync(tsx, ["scripts/setup-db.ts"], { env: { ...process.env, DATABASE_URL: sqliteUrl, NODE_ENV: "development" }, encoding: "utf8" });
    seedMs = performance.now() - started;
    if (setup.status !== 0) throw new Error(`npm run db:setup failed: ${setup.stderr}`);

    // Rows as older versions, other tools and hand edits left them in SQLite.
    const db = openSqlite(file);
    try {
      const admin = db.prepare(`SELECT id FROM "User" WHERE role = 'ADMIN' ORDER BY id LIMIT 1`).get() as { id: number };
      // As SQLite's CURRENT_TIMESTAMP writes a moment (a column default): `YYYY-MM-DD HH:MM:SS`, no zone; JSON with Latvian letters.
      db.prepare(
        `INSERT INTO "AuditEntry" ("actorId", "action", "targetType", "targetId", "before", "after", "ip", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        admin.id,
        "USER_UPDATE",
        "USER",
        String(admin.id),
        JSON.stringify({ name: "Jānis Bērziņš", active: true }),
        JSON.stringify({ name: "Jānis Bērziņš-Ķēniņš", active: false }),
        "10.0.0.7",
        "2026-11-30 08:15:42",
      );
      // Milliseconds since 1970 (Prisma's SQLite adapter reads a number in a DateTime column so), a boolean as 1.
      db.prepare(`INSERT INTO "LoginAttempt" ("email", "ip", "success", "createdAt") VALUES (?, ?, ?, ?)`).run(
        "vadītāja@example.lv",
        "10.0.0.8",
        1,
        Date.UTC(2026, 10, 29, 21, 5, 7, 123),
      );
      // A NUL character in a comment, from before the app dropped them where text enters.
      db.prepare(`UPDATE "Comment" SET "body" = ? WHERE id = (SELECT min(id) FROM "Comment")`).run("Pirms\u0000 pēc");
      // An idea deleted after it was made: its id is never to be given again.
      const author = db.prepare(`SELECT id, "institutionId" FROM "User" WHERE role = 'SUBMITTER' ORDER BY id LIMIT 1`).get() as {
        id: number;
        institutionId: number;
      };
      deletedIdeaId = Number(
        db
          .prepare(`INSERT INTO "Idea" ("title", "authorId", "institutionId", "updatedAt") VALUES ('Izdzēsta ideja', ?, ?, ?)`)
          .run(author.id, author.institutionId, new Date().toISOString()).lastInsertRowid,
      );
      db.prepare(`DELETE FROM "Idea" WHERE id = ?`).run(deletedIdeaId);
      // An idea merged into a later one (a key to a row copied after it).
      const later = db.prepare(`SELECT max(id) AS id FROM "Idea" WHERE "status" = 'ACTIVE'`).get() as { id: number };
      db.prepare(
        `UPDATE "Idea" SET "status" = 'MERGED', "mergedIntoId" = ?, "stageId" = NULL, "position" = NULL WHERE id = (SELECT min(id) FROM "Idea" WHERE "status" = 'ACTIVE')`,
      ).run(later.id);
    } finally {
      db.close();
    }
    await createDatabase(ours("copy"));
    result = await copyToPostgres({ from: sqliteUrl, to: target });
    sqlite = createPrismaClient(sqliteUrl);
    postgres = createPrismaClient(target);
  }, 120_000);

  afterAll(async () => {
    await sqlite?.$disconnect();
    await postgres?.$disconnect();
    rmSync(work, { recursive: true, force: true });
    const mine = await admin((c) => c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${liveName}_`]));
    for (const { datname } of mine.rows) await admin((c) => c.query(`DROP DATABASE "${datname}" WITH (FORCE)`));
  });

  test("every table is copied with the same rows, the flow figures included, and every model reads the same through the app's client", async () => {
    console.info(
      `Demo lab seeded in ${(seedMs / 1000).toFixed(1)} s, copied (${result.rows} rows, migrations included) in ${(result.ms / 1000).toFixed(2)} s.`,
    );
    const source = new Database(file, { readonly: true });
    const sqliteTables = (
      source.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      // The search index's FTS5 tables are SQLite's own (docs/decisions/0013-search-index.md): PostgreSQL's triggers index the copied rows.
      .filter((name) => !/^(IdeaWords|ExperimentWords)(_|$)/.test(name));
    source.close();
    expect(result.tables.map((t) => t.table).sort()).toEqual(sqliteTables.sort());
    expect(result.tables.filter((t) => t.sqlite !== t.postgres)).toEqual([]);
    const count = (table: string) => result.tables.find((t) => t.table === table)!.postgres;
    for (const table of ["Idea", "Event", "Stay", "FlowDay", "StageCount", "Comment", "Experiment", "Support", "AuditEntry", "LoginAttempt"]) {
      expect(count(table), table).toBeGreaterThan(0);
    }
    // Parents before children: a row's foreign keys always found their row.
    const order = result.tables.map((t) => t.table);
    expect(order.indexOf("Institution")).toBeLessThan(order.indexOf("User"));
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Idea"));
    expect(order.indexOf("Idea")).toBeLessThan(order.indexOf("Event"));
    expect(result.migrated).toEqual(listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));

    // Field by field, every row of every model, as the app's Prisma client reads each engine.
    const fromSqlite = await everything(sqlite);
    const fromPostgres = await everything(postgres);
    const comment = (rows: Record<string, unknown[]>) =>
      rows.Comment.map((c) => ({ ...(c as object), body: String((c as { body: string }).body).replace("\0", "") }));
    expect(fromPostgres.Comment).toEqual(comment(fromSqlite));
    expect({ ...fromPostgres, Comment: [] }).toEqual({ ...fromSqlite, Comment: [] });
  });

  test("the app on the copy shows what it showed on SQLite: the same board and the same dashboard", async () => {
    const manager = await sqlite.user.findFirstOrThrow({ where: { role: "MANAGER" } });
    const pages = async (url: string, client: Db) =>
      asApp(url, client, async () => {
        const cookie = await sessionCookieFor(manager.id);
        const board = await run(boardLoader, { request: getRequest("/board", cookie) });
        const dashboard = await run(dashboardLoader, { request: getRequest("/dashboard?period=12m", cookie) });
        // As the browser gets them: JSON (a moment may be a Date on one engine and its ISO text on the other).
        const sent = (data: unknown) => JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        return { board: sent(board.data), dashboard: sent(dashboard.data), statuses: [board.status, dashboard.status] };
      });
    const onSqlite = await pages(sqliteUrl, sqlite);
    const onPostgres = await pages(target, postgres);
    expect(onSqlite.statuses).toEqual([200, 200]);
    expect(onPostgres.statuses).toEqual([200, 200]);
    // Not an empty page on both: the demo lab's figures, read from the copied stays and days.
    const figures = onPostgres.dashboard.dashboard as { headline: { submitted: number }; funnel: { entered: number }[]; throughput: unknown[] };
    expect(figures.headline.submitted).toBeGreaterThan(0);
    expect(figures.funnel.some((s) => s.entered > 0)).toBe(true);
    expect(figures.throughput.length).toBeGreaterThan(0);
    expect(onPostgres.dashboard.dashboard).toEqual(onSqlite.dashboard.dashboard);
    expect(onPostgres.board).toEqual(onSqlite.board);
  });

  test("dates, booleans, enums, JSON and Latvian letters come through as they were", async () => {
    // Dates as Prisma's SQLite adapter wrote them (ISO text with +00:00).
    const sqliteIdea = await sqlite.idea.findFirstOrThrow({ where: { title: { contains: "ā" }, submittedAt: { not: null } }, orderBy: { id: "asc" } });
    const pgIdea = await postgres.idea.findUniqueOrThrow({ where: { id: sqliteIdea.id } });
    expect(pgIdea.title).toBe(sqliteIdea.title);
    expect(pgIdea.title).toMatch(/[āčēģīķļņšūž]/);
    expect(pgIdea.createdAt.toISOString()).toBe(sqliteIdea.createdAt.toISOString());
    expect(pgIdea.submittedAt!.toISOString()).toBe(sqliteIdea.submittedAt!.toISOString());
    expect(pgIdea.status).toBe(sqliteIdea.status);
    // SQLite's CURRENT_TIMESTAMP text and a number of milliseconds: both read as UTC moments.
    const audit = await postgres.auditEntry.findFirstOrThrow({ where: { action: "USER_UPDATE" }, orderBy: { id: "desc" } });
    expect(audit.createdAt.toISOString()).toBe("2026-11-30T08:15:42.000Z");
    expect(audit.targetType).toBe("USER");
    expect(JSON.parse(audit.after!)).toEqual({ name: "Jānis Bērziņš-Ķēniņš", active: false });
    const attempt = await postgres.loginAttempt.findFirstOrThrow({ where: { email: "vadītāja@example.lv" } });
    expect(attempt.createdAt.toISOString()).toBe("2026-11-29T21:05:07.123Z");
    expect(attempt.success).toBe(true);
    // Booleans, both ways.
    expect(await postgres.comment.count({ where: { internal: true } })).toBe(await sqlite.comment.count({ where: { internal: true } }));
    expect(await postgres.comment.count({ where: { internal: true } })).toBeGreaterThan(0);
    expect(await postgres.comment.count({ where: { internal: false } })).toBeGreaterThan(0);
    expect(await postgres.user.count({ where: { active: true } })).toBe(await sqlite.user.count());
    // Enums and JSON in the history.
    const event = await sqlite.event.findFirstOrThrow({ where: { type: "RETURNED", data: { not: null } } });
    const copied = await postgres.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(copied.type).toBe("RETURNED");
    expect(copied.toStatus).toBe(event.toStatus);
    expect(JSON.parse(copied.data!)).toEqual(JSON.parse(event.data!));
    expect(JSON.stringify(JSON.parse(copied.data!))).toMatch(/[āčēģīķļņšūž]/);
    // The flow figures: stays with their fractional days, and the days' counts.
    const stay = await sqlite.stay.findFirstOrThrow({ where: { days: { not: null } }, orderBy: { id: "asc" } });
    expect(await postgres.stay.findUniqueOrThrow({ where: { id: stay.id } })).toEqual(stay);
    // The NUL character PostgreSQL cannot store was removed, and said so.
    expect(result.removedNuls).toEqual([{ table: "Comment", column: "body", count: 1 }]);
    expect((await postgres.comment.findFirstOrThrow({ orderBy: { id: "asc" } })).body).toBe("Pirms pēc");
  });

  test("new rows get fresh ids after the copied ones (never a deleted idea's), and the audit log stays append-only", async () => {
    const idea = await postgres.idea.findFirstOrThrow({ orderBy: { id: "desc" } });
    const fresh = await postgres.idea.create({
      data: { title: "Pirmā ideja PostgreSQL", authorId: idea.authorId, institutionId: idea.institutionId, status: "DRAFT" },
    });
    expect(fresh.id).toBe(deletedIdeaId + 1);
    expect(fresh.id).toBeGreaterThan(idea.id);
    const event = await postgres.event.create({ data: { ideaId: fresh.id, type: "CREATED", toStatus: "DRAFT" } });
    expect(event.id).toBe((await sqlite.event.aggregate({ _max: { id: true } }))._max.id! + 1);
    const audit = await postgres.auditEntry.create({ data: { action: "SIGN_IN" } });
    expect(audit.id).toBe((await sqlite.auditEntry.aggregate({ _max: { id: true } }))._max.id! + 1);
    const stay = await postgres.stay.create({ data: { ideaId: fresh.id, stageId: 1, institutionId: idea.institutionId, enteredAt: new Date() } });
    expect(stay.id).toBeGreaterThan((await sqlite.stay.aggregate({ _max: { id: true } }))._max.id!);
    for (const s of result.sequences) expect(s.next, `${s.table}.${s.column}`).toBeGreaterThan(0);
    // The triggers came with the migrations and still refuse changes.
    await expect(postgres.auditEntry.update({ where: { id: audit.id }, data: { ip: "x" } })).rejects.toThrow(/the audit log cannot be changed/);
    await expect(postgres.auditEntry.deleteMany({})).rejects.toThrow(/the audit log cannot be changed/);
  });

  test("a target that is not empty is refused, and left as it was", async () => {
    const before = await postgres.idea.count();
    const refused = await copyToPostgres({ from: sqliteUrl, to: target }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CopyError);
    expect((refused as Error).message).toMatch(/is not empty: .*Idea \([\d,]+ rows\).*Copy into a new, empty database/);
    expect(await postgres.idea.count()).toBe(before);

    // Another application's database is not migrated into either.
    await createDatabase(ours("other_app"));
    await admin((c) => c.query(`CREATE TABLE notes (id serial PRIMARY KEY, body text)`), databaseOn(ours("other_app")));
    await expect(copyToPostgres({ from: sqliteUrl, to: databaseOn(ours("other_app")) })).rejects.toThrow(
      /is not an empty database: it has tables that are not Idea Lab's \(notes\)/,
    );
    const tables = await admin((c) => c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`), databaseOn(ours("other_app")));
    expect(tables.rows).toEqual([{ tablename: "notes" }]);
  });

  test("a SQLite database behind this code's migrations is refused, with how to bring it up to date", async () => {
    const olderDir = path.join(work, "older-migrations");
    const migrations = listMigrations(MIGRATIONS_DIR);
    for (const m of migrations.slice(0, -1)) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(olderDir, m.name), { recursive: true });
    const older = path.join(work, "older.db");
    const db = openSqlite(older);
    applyMigrations(db, olderDir);
    db.close();
    await createDatabase(ours("from_older"));
    await expect(copyToPostgres({ from: `file:${older}`, to: databaseOn(ours("from_older")) })).rejects.toThrow(
      new RegExp(`lacks 1 of this code's migrations \\(${migrations.at(-1)!.name}\\)\\. Bring it up to date first: DATABASE_URL=file:.* npm run db:migrate`),
    );
  });

  test("npm run db:copy-to-postgres prints every table's counts on both sides; on a difference it exits 1 and commits nothing", async () => {
    const ok = ours("cli");
    await createDatabase(ok);
    const copied = spawnSync(tsx, ["scripts/copy-to-postgres.ts", "--from", sqliteUrl], {
      env: { ...process.env, DATABASE_URL: databaseOn(ok) },
      encoding: "utf8",
    });
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/table\s+SQLite\s+PostgreSQL/);
    expect(copied.stdout).toMatch(
      new RegExp(
        `\\n\\s+Idea\\s+${result.tables.find((t) => t.table === "Idea")!.sqlite}\\s+${result.tables.find((t) => t.table === "Idea")!.sqlite}\\s+ok\\n`,
      ),
    );
    expect(copied.stdout).toMatch(/\n\s+FlowDay\s+[\d,]+\s+[\d,]+\s+ok\n/);
    expect(copied.stdout).toMatch(/Copied [\d,]+ rows in \d+ tables in \d+\.\d\d s; every table has the same rows on both sides/);

    // A target that quietly drops some rows (a trigger someone left there): the counts show it, nothing is kept.
    const lossy = ours("lossy");
    await createDatabase(lossy);
    await applyPostgresMigrations(databaseOn(lossy));
    await admin(async (c) => {
      await c.query(
        `CREATE FUNCTION drop_some() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."userId" % 2 = 0 THEN RETURN NULL; END IF; RETURN NEW; END $$`,
      );
      await c.query(`CREATE TRIGGER drop_some BEFORE INSERT ON "Support" FOR EACH ROW EXECUTE FUNCTION drop_some()`);
    }, databaseOn(lossy));
    const refused = spawnSync(tsx, ["scripts/copy-to-postgres.ts", "--from", sqliteUrl, "--to", databaseOn(lossy)], { encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/\n\s+Support\s+[\d,]+\s+[\d,]+\s+DIFFERENT\n/);
    expect(refused.stderr).toMatch(/Refused: The row counts differ in Support: nothing was committed/);
    const left = await admin(
      (c) => c.query<{ n: number }>(`SELECT (SELECT count(*) FROM "Idea")::int + (SELECT count(*) FROM "User")::int AS n`),
      databaseOn(lossy),
    );
    expect(left.rows[0].n).toBe(0);
  });

  test("moments in SQLite's text forms and as numbers read as Prisma reads them", () => {
    expect(momentOf("2026-12-02T18:30:00.000+00:00").toISOString()).toBe("2026-12-02T18:30:00.000Z");
    expect(momentOf("2026-12-02 18:30:00").toISOString()).toBe("2026-12-02T18:30:00.000Z");
    expect(momentOf("2026-12-02T20:30:00.5+02:00").toISOString()).toBe("2026-12-02T18:30:00.500Z");
    expect(momentOf("2026-12-02").toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(momentOf(Date.UTC(2026, 11, 2, 18, 30)).toISOString()).toBe("2026-12-02T18:30:00.000Z");
    expect(() => momentOf("vakar")).toThrow(/not a date and time/);
  });
});
