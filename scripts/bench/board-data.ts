// Realistic data for the board's benchmark: 2,000 people (20 facilitators), ideas in every status
// and stage, one or two principles each, supports long-tailed (Pareto, about 10 per idea on
// average, some with hundreds), two experiments per idea in the work stages, a few comments and the
// events of each idea's way to its stage, with the search text the app writes. The same rows on
// either engine (a seeded random source): into SQLite with prepared statements, into PostgreSQL
// with multi-row INSERTs (100,000 ideas with their rows in well under two minutes on SQLite). The
// caller counts the board's stage counts afresh and checks them, as seeding must.
import Database from "better-sqlite3";
import pg from "pg";
import { experimentSearchText } from "../../app/modules/experiment/cards";
import { searchTextOf } from "../../app/modules/idea/brief";
import { engineOf } from "../../app/utils/engine.server";
import { sqliteFilePath } from "../../app/utils/sqlite.server";
import { WORDS, finishSeeding, random } from "./lib";

const USERS = 2000;
const FACILITATORS = 20;
const DAY_MS = 86_400_000;
const BATCH = 5000;

/** The columns the seed writes, per table, in the order of each row's values (and of the inserts: a row's references come first). */
const COLUMNS = {
  User: ["id", "email", "name", "role", "institutionId", "passwordHash", "active", "createdAt", "updatedAt"],
  Idea: [
    "id",
    "title",
    "summary",
    "usersAffected",
    "problem",
    "evidence",
    "solution",
    "expectedValue",
    "firstTest",
    "partners",
    "searchText",
    "status",
    "stageId",
    "position",
    "authorId",
    "institutionId",
    "assigneeId",
    "version",
    "createdAt",
    "updatedAt",
    "submittedAt",
    "stageEnteredAt",
    "closedAt",
    "lastActivityAt",
  ],
  IdeaPrinciple: ["ideaId", "principleId", "confirmed"],
  Support: ["ideaId", "userId", "createdAt"],
  Experiment: ["ideaId", "hypothesis", "method", "methodType", "metric", "successCriterion", "status", "searchText", "createdById", "createdAt", "updatedAt"],
  Event: ["ideaId", "actorId", "type", "fromStageId", "toStageId", "fromStatus", "toStatus", "createdAt"],
  Comment: ["ideaId", "authorId", "body", "internal", "createdAt"],
} as const;
type Table = keyof typeof COLUMNS;
type Value = string | number | boolean | Date | null;
type Rows = Record<Table, Value[][]>;
type Reference = { stages: { id: number; key: string; kind: string }[]; institutions: number[]; principles: number[] };

const TABLES = Object.keys(COLUMNS) as Table[];
const insertSql = (table: Table) => `INSERT INTO "${table}" (${COLUMNS[table].map((c) => `"${c}"`).join(", ")})`;
const emptyRows = (): Rows => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Rows;

export type BoardBenchData = { ideas: number; onBoard: number; supports: number; experiments: number; events: number; comments: number; seconds: number };
type Totals = Omit<BoardBenchData, "ideas" | "seconds">;

/** The rows of `count` ideas, a batch at a time (the people first); the same rows for the same count and reference data. */
function* generate(ref: Reference, count: number, passwordHash: string, totals: Totals): Generator<Rows> {
  const rnd = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  const { stages, institutions, principles } = ref;
  const intake = stages.find((s) => s.kind === "INTAKE")!;
  const work = stages.filter((s) => s.kind === "WORK");
  const implemented = stages.find((s) => s.kind === "CLOSED_SUCCESS")!;
  const stopped = stages.find((s) => s.kind === "CLOSED_STOPPED")!;

  const people = emptyRows();
  for (let i = 0; i < USERS; i++) {
    const created = at(400);
    people.User.push([
      i + 1,
      `bench${i}@example.lv`,
      `Lietotājs ${i}`,
      i < FACILITATORS ? "FACILITATOR" : "SUBMITTER",
      institutions[i % institutions.length],
      passwordHash,
      true,
      created,
      created,
    ]);
  }
  yield people;

  const nextPosition = new Map<number, number>();
  for (let start = 0; start < count; start += BATCH) {
    const rows = emptyRows();
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const id = i + 1;
      const r = rnd();
      const status = r < 0.05 ? "DRAFT" : r < 0.09 ? "DECLINED" : r < 0.12 ? "NEEDS_INFO" : r < 0.14 ? "WITHDRAWN" : "ACTIVE";
      // On the board: a tenth waiting in intake, a tenth closed each way, the rest at work.
      const place = rnd();
      const stage =
        status !== "ACTIVE" ? null : place < 0.1 ? intake : place < 0.2 ? implemented : place < 0.3 ? stopped : work[Math.floor(rnd() * work.length)];
      const createdDaysAgo = 1 + rnd() * 700;
      const enteredDaysAgo = createdDaysAgo * rnd();
      const authorId = FACILITATORS + 1 + Math.floor(rnd() * (USERS - FACILITATORS));
      const institutionId = institutions[authorId % institutions.length];
      const title = `Ideja ${id}: ${pick(WORDS)} un ${pick(WORDS)} vienkāršāk`;
      const summary = `Īsumā par ${pick(WORDS)} — ${pick(WORDS)} lietotājiem.`;
      const problem = `Lietotāji gaida pārāk ilgi; ${pick(WORDS)} ir sarežģīts. `.repeat(4);
      const solution = `Piedāvājam ${pick(WORDS)} vienā solī. `.repeat(4);
      const position = stage ? (nextPosition.get(stage.id) ?? 0) + 1024 : null;
      if (stage) nextPosition.set(stage.id, position!);
      const closed = stage === implemented || stage === stopped;
      const stageIndex = stage ? stages.indexOf(stage) : 0;
      const assigneeId = stage && stage !== intake && rnd() < 0.6 ? 1 + Math.floor(rnd() * FACILITATORS) : null;
      rows.Idea.push([
        id,
        title,
        summary,
        "Iedzīvotāji un uzņēmēji.",
        problem,
        "Intervijas un dati.",
        solution,
        "Mazāk laika rindās.",
        "Divas nedēļas vienā nodaļā.",
        "Pašvaldība.",
        searchTextOf({ title, summary, problem, solution, usersAffected: "Iedzīvotāji un uzņēmēji." }),
        status,
        stage?.id ?? null,
        position,
        authorId,
        institutionId,
        assigneeId,
        1 + stageIndex,
        at(createdDaysAgo),
        at(enteredDaysAgo),
        status === "DRAFT" ? null : at(createdDaysAgo - 0.5),
        stage ? at(enteredDaysAgo) : null,
        closed ? at(enteredDaysAgo) : null,
        at(enteredDaysAgo),
      ]);
      if (stage) totals.onBoard++;
      const first = principles[id % principles.length];
      rows.IdeaPrinciple.push([id, first, Boolean(stage && stage !== intake)]);
      if (rnd() < 0.5) rows.IdeaPrinciple.push([id, principles[(id + 2) % principles.length], false]);

      // Events: created, submitted, and each step to the idea's stage.
      const events: [number | null, string, number | null, number | null, string | null, string | null][] = [[authorId, "CREATED", null, null, null, "DRAFT"]];
      if (status !== "DRAFT") events.push([authorId, "SUBMITTED", null, intake.id, "DRAFT", "ACTIVE"]);
      if (status === "DECLINED" || status === "NEEDS_INFO")
        events.push([1, status === "DECLINED" ? "DECLINED" : "RETURNED", intake.id, null, "ACTIVE", status]);
      if (status === "WITHDRAWN") events.push([authorId, "WITHDRAWN", intake.id, null, "ACTIVE", "WITHDRAWN"]);
      if (stage && stage !== intake) {
        const path = stage.kind === "WORK" ? work.slice(0, work.indexOf(stage) + 1) : stage === stopped ? [work[0], stopped] : [...work, implemented];
        let from = intake.id;
        for (const step of path) {
          events.push([assigneeId ?? 1, "MOVED", from, step.id, null, null]);
          from = step.id;
        }
      }
      if (assigneeId) events.push([assigneeId, "ASSIGNED", null, null, null, null]);
      if (status === "DRAFT") {
        for (const [k, e] of events.entries()) rows.Event.push([id, ...e, at(createdDaysAgo - k * 0.01)]);
        totals.events += events.length;
        continue;
      }

      // Supports: Pareto-distributed (α 1.5, mean about 10), from distinct people.
      const supports = Math.min(USERS - 1, Math.floor(10.5 / 3 / Math.pow(1 - rnd(), 1 / 1.5)));
      const offset = Math.floor(rnd() * USERS);
      for (let k = 0, added = 0; added < supports; k++) {
        const userId = ((offset + k) % USERS) + 1;
        if (userId === authorId) continue;
        rows.Support.push([id, userId, at(enteredDaysAgo)]);
        added++;
      }
      totals.supports += supports;

      if (stage?.kind === "WORK") {
        for (let k = 0; k < 2; k++) {
          const hypothesis = `Mēs uzskatām, ka ${pick(WORDS)} samazinās gaidīšanu.`;
          const method = "Divas nedēļas izmēģinām vienā nodaļā.";
          rows.Experiment.push([
            id,
            hypothesis,
            method,
            pick(["INTERVIEWS", "PROTOTYPE_TEST", "PILOT", "SURVEY"]),
            "Gaidīšanas laiks.",
            "Par 20 % īsāks.",
            k === 0 ? "COMPLETED" : "RUNNING",
            experimentSearchText(title, { hypothesis, method }),
            assigneeId ?? 1,
            at(enteredDaysAgo),
            at(enteredDaysAgo),
          ]);
          events.push([assigneeId ?? 1, "EXPERIMENT_CREATED", null, null, null, null]);
        }
        totals.experiments += 2;
      }

      const comments = Math.floor(rnd() * 5);
      for (let k = 0; k < comments; k++) {
        const internal = rnd() < 0.2;
        const commenter = internal ? 1 + Math.floor(rnd() * FACILITATORS) : 1 + Math.floor(rnd() * USERS);
        rows.Comment.push([id, commenter, `Arī mūsu iestādē ${pick(WORDS)} ir problēma; varam palīdzēt ar datiem.`, internal, at(enteredDaysAgo * rnd())]);
        events.push([commenter, "COMMENTED", null, null, null, null]);
      }
      totals.comments += comments;
      for (const [k, e] of events.entries()) rows.Event.push([id, ...e, at(Math.max(0, createdDaysAgo - k * 0.5))]);
      totals.events += events.length;
    }
    yield rows;
  }
}

const REFERENCE_SQL = {
  stages: `SELECT id, key, kind FROM "Stage" WHERE "archivedAt" IS NULL ORDER BY position`,
  institutions: `SELECT id FROM "Institution" ORDER BY id`,
  principles: `SELECT id FROM "Principle" ORDER BY id`,
};

/** Seeds `count` ideas into the migrated SQLite database `file` (reference data already there). `passwordHash` is every person's. */
export function seedBoardData(file: string, count: number, passwordHash: string): BoardBenchData {
  const started = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const ref: Reference = {
    stages: db.prepare(REFERENCE_SQL.stages).all() as Reference["stages"],
    institutions: (db.prepare(REFERENCE_SQL.institutions).all() as { id: number }[]).map((r) => r.id),
    principles: (db.prepare(REFERENCE_SQL.principles).all() as { id: number }[]).map((r) => r.id),
  };
  const insert = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`${insertSql(t)} VALUES (${COLUMNS[t].map(() => "?").join(", ")})`)])) as Record<
    Table,
    Database.Statement
  >;
  // Prisma's SQLite DateTime text, and booleans as 0 and 1.
  const value = (v: Value) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);
  const totals: Totals = { onBoard: 0, supports: 0, experiments: 0, events: 0, comments: 0 };
  for (const rows of generate(ref, count, passwordHash, totals)) {
    db.transaction(() => {
      for (const table of TABLES) for (const row of rows[table]) insert[table].run(...row.map(value));
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { ideas: count, ...totals, seconds: (performance.now() - started) / 1000 };
}

/** PostgreSQL takes at most 65,535 bound values per statement. */
const MAX_VALUES = 65_535;

/**
 * Seeds `count` ideas into the migrated database at `url`, either engine: the same rows as
 * `seedBoardData`. On PostgreSQL each batch is one transaction of multi-row INSERTs (the values
 * bound, untyped, so PostgreSQL reads each as its column's type, enums included); then the id
 * sequences continue after the rows and the tables are analysed (`finishSeeding`).
 */
export async function seedBoardDataOn(url: string, count: number, passwordHash: string): Promise<BoardBenchData> {
  if (engineOf(url) === "sqlite") return seedBoardData(sqliteFilePath(url), count, passwordHash);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const totals: Totals = { onBoard: 0, supports: 0, experiments: 0, events: 0, comments: 0 };
  try {
    // A scratch database: a commit need not wait for the disk.
    await client.query("SET synchronous_commit = off");
    const ref: Reference = {
      stages: (await client.query(REFERENCE_SQL.stages)).rows,
      institutions: (await client.query(REFERENCE_SQL.institutions)).rows.map((r: { id: number }) => r.id),
      principles: (await client.query(REFERENCE_SQL.principles)).rows.map((r: { id: number }) => r.id),
    };
    // Prisma keeps DateTime as UTC in a timestamp without time zone: the UTC text, whose zone PostgreSQL ignores.
    const value = (v: Value) => (v instanceof Date ? v.toISOString() : v);
    for (const rows of generate(ref, count, passwordHash, totals)) {
      await client.query("BEGIN");
      for (const table of TABLES) {
        const width = COLUMNS[table].length;
        const perStatement = Math.floor(MAX_VALUES / width);
        for (let from = 0; from < rows[table].length; from += perStatement) {
          const chunk = rows[table].slice(from, from + perStatement);
          const tuples = chunk.map((_, r) => `(${COLUMNS[table].map((_, c) => `$${r * width + c + 1}`).join(", ")})`);
          await client.query(`${insertSql(table)} VALUES ${tuples.join(", ")}`, chunk.flat().map(value));
        }
      }
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
  await finishSeeding(url);
  return { ideas: count, ...totals, seconds: (performance.now() - started) / 1000 };
}
