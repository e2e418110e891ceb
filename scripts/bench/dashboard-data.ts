// Realistic data for the dashboard's benchmark, on either engine: people, ideas in every status
// and stage, each with the events of its life in order (created, submitted, returned and
// resubmitted, moved on, sometimes back, stopped or implemented, declined, withdrawn), one or two
// principles, supports (Pareto, about 10 per idea, some with hundreds), experiments in the work
// stages (most completed, with a result), comments, assignments and tags, until the events number
// exactly `events`. The ideas were created over the last two years, more of them lately. Repeatable:
// the same sizes seed the same rows. The stays, the daily counts and the board's stage counts are
// derived afterwards, as after any bulk import (scripts/bench/dashboard.ts).
import Database, { type Statement } from "better-sqlite3";
import type { Db } from "../../app/utils/db.server";
import { WORDS, random } from "./lib";

const USERS = 2000;
const FACILITATORS = 20;
const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;

type Value = string | number | boolean | Date | null;
/** A column, with the type PostgreSQL is told its values have (an enum's by name). */
type Column = { name: string; cast: string };

/** Where the rows go: a table's rows in batches, the columns named once. */
export type Sink = { insert(table: string, columns: Column[], rows: Value[][]): Promise<void>; done(): Promise<void> };

const col = (name: string, cast: string): Column => ({ name, cast });
const [INT, FLOAT, BOOL, TEXT, TS] = ["int", "float8", "boolean", "text", "timestamp(3)"];
const COLUMNS = {
  User: [
    col("id", INT),
    col("email", TEXT),
    col("name", TEXT),
    col("role", `"Role"`),
    col("institutionId", INT),
    col("passwordHash", TEXT),
    col("active", BOOL),
    col("createdAt", TS),
    col("updatedAt", TS),
  ],
  Idea: [
    col("id", INT),
    col("title", TEXT),
    col("summary", TEXT),
    col("usersAffected", TEXT),
    col("problem", TEXT),
    col("evidence", TEXT),
    col("solution", TEXT),
    col("searchText", TEXT),
    col("status", `"IdeaStatus"`),
    col("stageId", INT),
    col("position", FLOAT),
    col("authorId", INT),
    col("institutionId", INT),
    col("assigneeId", INT),
    col("version", INT),
    col("createdAt", TS),
    col("updatedAt", TS),
    col("submittedAt", TS),
    col("stageEnteredAt", TS),
    col("closedAt", TS),
    col("lastActivityAt", TS),
  ],
  IdeaPrinciple: [col("ideaId", INT), col("principleId", INT), col("confirmed", BOOL)],
  Support: [col("ideaId", INT), col("userId", INT), col("createdAt", TS)],
  Experiment: [
    col("ideaId", INT),
    col("hypothesis", TEXT),
    col("method", TEXT),
    col("methodType", `"MethodType"`),
    col("metric", TEXT),
    col("successCriterion", TEXT),
    col("status", `"ExperimentStatus"`),
    col("result", `"ExperimentResult"`),
    col("learned", TEXT),
    col("searchText", TEXT),
    col("createdById", INT),
    col("createdAt", TS),
    col("updatedAt", TS),
    col("completedAt", TS),
  ],
  Event: [
    col("ideaId", INT),
    col("actorId", INT),
    col("type", `"EventType"`),
    col("fromStageId", INT),
    col("toStageId", INT),
    col("fromStatus", `"IdeaStatus"`),
    col("toStatus", `"IdeaStatus"`),
    col("createdAt", TS),
  ],
  Comment: [col("ideaId", INT), col("authorId", INT), col("body", TEXT), col("internal", BOOL), col("createdAt", TS)],
};

/** SQLite through better-sqlite3: prepared statements, one transaction per batch, DateTime as Prisma writes it. */
export function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const statements = new Map<string, Statement>();
  const value = (v: Value) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);
  return {
    async insert(table, columns, rows) {
      let insert = statements.get(table);
      if (!insert) {
        insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        statements.set(table, insert);
      }
      const statement = insert;
      db.transaction(() => {
        for (const row of rows) statement.run(...row.map(value));
      })();
    },
    async done() {
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}

/** PostgreSQL through the app's client: multi-row INSERTs, each value cast to its column's type. */
export function postgresSink(prisma: Db): Sink {
  const MAX_PARAMS = 30_000;
  return {
    async insert(table, columns, rows) {
      const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const params: Value[] = [];
        const values = chunk.map((row) => {
          const cells = row.map((v, i) => {
            params.push(v instanceof Date ? v.toISOString() : v);
            return `$${params.length}::${columns[i].cast}`;
          });
          return `(${cells.join(", ")})`;
        });
        await prisma.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES ${values.join(", ")}`, ...params);
      }
    },
    // The id sequences are set after the rows by lib.ts's finishSeeding.
    async done() {},
  };
}

export type DashboardBenchData = {
  ideas: number;
  onBoard: number;
  events: number;
  stageEvents: number;
  supports: number;
  experiments: number;
  completed: number;
  comments: number;
  seconds: number;
};

type Reference = { stages: { id: number; kind: string }[]; institutions: number[]; principles: number[] };
/** The events that change an idea's stage (ENTERING and LEAVING in app/modules/idea/events.ts). */
const STAGE_EVENTS = new Set(["SUBMITTED", "RESUBMITTED", "MOVED", "RETURNED", "DECLINED", "WITHDRAWN"]);
type EventRow = [number, number | null, string, number | null, number | null, string | null, string | null, Date];

/**
 * Seeds `ideas` ideas whose events number exactly `events` (at least the ideas' own lives need;
 * the rest are comments) into a migrated database holding the reference data. `passwordHash` is
 * every person's; bench0 … bench19 are facilitators, who may see the dashboard.
 */
export async function seedDashboardData(sink: Sink, reference: Reference, o: { ideas: number; events: number; passwordHash: string; now?: Date }) {
  const started = performance.now();
  const rnd = random(o.ideas * 31 + o.events);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const now = (o.now ?? new Date()).getTime();
  const { stages, institutions, principles } = reference;
  const intake = stages.find((s) => s.kind === "INTAKE")!;
  const work = stages.filter((s) => s.kind === "WORK");
  const implemented = stages.find((s) => s.kind === "CLOSED_SUCCESS")!;
  const stopped = stages.find((s) => s.kind === "CLOSED_STOPPED")!;
  /** A waiting time in days with the given mean (exponential), at least an hour. */
  const wait = (mean: number) => Math.max(1 / 24, -Math.log(1 - rnd()) * mean);

  const created = new Date(now - 800 * DAY_MS);
  await sink.insert(
    "User",
    COLUMNS.User,
    Array.from({ length: USERS }, (_, i) => [
      i + 1,
      `bench${i}@example.lv`,
      `Lietotājs ${i}`,
      i < FACILITATORS ? "FACILITATOR" : "SUBMITTER",
      institutions[i % institutions.length],
      o.passwordHash,
      true,
      created,
      created,
    ]),
  );

  const totals = { onBoard: 0, events: 0, stageEvents: 0, supports: 0, experiments: 0, completed: 0, comments: 0 };
  // Where each submitted idea may be commented on: its id, author and the days of its life.
  const lives: { id: number; authorId: number; from: number; to: number }[] = [];
  const nextPosition = new Map<number, number>();
  const BATCH = 2000;
  for (let start = 0; start < o.ideas; start += BATCH) {
    const ideaRows: Value[][] = [];
    const principleRows: Value[][] = [];
    const supportRows: Value[][] = [];
    const experimentRows: Value[][] = [];
    const eventRows: EventRow[] = [];
    for (let id = start + 1; id <= Math.min(o.ideas, start + BATCH); id++) {
      const authorId = FACILITATORS + 1 + Math.floor(rnd() * (USERS - FACILITATORS));
      const institutionId = institutions[authorId % institutions.length];
      const facilitator = 1 + Math.floor(rnd() * FACILITATORS);
      // More ideas lately: the density of creation rises linearly towards today.
      let t = now - SPAN_DAYS * (1 - Math.sqrt(rnd())) * DAY_MS;
      const createdAt = new Date(t);
      const events: EventRow[] = [[id, authorId, "CREATED", null, null, null, "DRAFT", createdAt]];
      const event = (actor: number, type: string, from: number | null, to: number | null, fromStatus: string | null, toStatus: string | null) =>
        events.push([id, actor, type, from, to, fromStatus, toStatus, new Date(t)]);
      /** Moves the clock on; false when that would pass today (the idea is still where it is). */
      const after = (days: number) => {
        const next = t + days * DAY_MS;
        if (next >= now) return false;
        t = next;
        return true;
      };
      let status = "DRAFT";
      let stage = null as { id: number; kind: string } | null;
      let stageEnteredAt: Date | null = null;
      let submittedAt: Date | null = null;
      let assigneeId: number | null = null;
      const enter = (to: { id: number; kind: string }, type: "MOVED" | "SUBMITTED" | "RESUBMITTED") => {
        const fromStatus = type === "MOVED" ? null : status;
        event(type === "MOVED" ? facilitator : authorId, type, type === "MOVED" ? stage!.id : null, to.id, fromStatus, type === "MOVED" ? null : "ACTIVE");
        status = "ACTIVE";
        stage = to;
        stageEnteredAt = new Date(t);
      };
      const leave = (type: "DECLINED" | "RETURNED" | "WITHDRAWN", toStatus: string) => {
        event(type === "WITHDRAWN" ? authorId : facilitator, type, stage!.id, null, status, toStatus);
        status = toStatus;
        stage = null;
        stageEnteredAt = null;
      };
      // A twentieth stay drafts; the rest are submitted within days.
      if (rnd() < 0.05 || !after(wait(2))) {
        if (rnd() < 0.5) event(authorId, "EDITED", null, null, null, null);
      } else {
        submittedAt = new Date(t);
        enter(intake, "SUBMITTED");
        // Triage: declined, returned with a question (most come back), withdrawn, or taken on.
        let triaged = false;
        while (!triaged && after(wait(8))) {
          const r = rnd();
          if (r < 0.07) leave("DECLINED", "DECLINED");
          else if (r < 0.14) {
            leave("RETURNED", "NEEDS_INFO");
            if (rnd() < 0.7 && after(wait(10))) {
              enter(intake, "RESUBMITTED");
              continue;
            }
          } else if (r < 0.16) leave("WITHDRAWN", "WITHDRAWN");
          else {
            assigneeId = facilitator;
            event(facilitator, "ASSIGNED", null, null, null, null);
            if (rnd() < 0.5) event(facilitator, "TAGGED", null, null, null, null);
            enter(work[0], "MOVED");
          }
          triaged = true;
        }
        // The work stages: on, sometimes back, often stopped, until implemented or today.
        while (stage && stage.kind === "WORK") {
          const here = work.indexOf(stage);
          if (rnd() < 0.35) {
            // An experiment in this stage; most finish while the idea is here.
            const hypothesis = `Mēs uzskatām, ka ${pick(WORDS)} samazinās gaidīšanu.`;
            const begun = new Date(t + wait(3) * DAY_MS);
            const finished = begun.getTime() + wait(20) * DAY_MS;
            const done = finished < now && rnd() < 0.8;
            const result = done ? (rnd() < 0.5 ? "VALIDATED" : rnd() < 0.6 ? "INVALIDATED" : "INCONCLUSIVE") : null;
            if (begun.getTime() < now) {
              experimentRows.push([
                id,
                hypothesis,
                "Divas nedēļas izmēģinām vienā nodaļā.",
                pick(["INTERVIEWS", "PROTOTYPE_TEST", "PILOT", "SURVEY", "AB_TEST", "DATA_ANALYSIS"]),
                "Gaidīšanas laiks.",
                "Par 20 % īsāks.",
                done ? "COMPLETED" : "RUNNING",
                result,
                done ? "Gaidīšana saīsinājās mazāk, nekā cerējām." : null,
                hypothesis.toLowerCase(),
                facilitator,
                begun,
                done ? new Date(finished) : begun,
                done ? new Date(finished) : null,
              ]);
              events.push([id, facilitator, "EXPERIMENT_CREATED", null, null, null, null, begun]);
              if (rnd() < 0.5) events.push([id, facilitator, "EXPERIMENT_UPDATED", null, null, null, null, new Date((begun.getTime() + finished) / 2)]);
              if (done) {
                events.push([id, facilitator, "EXPERIMENT_COMPLETED", null, null, null, null, new Date(finished)]);
                totals.completed++;
              }
              totals.experiments++;
            }
          }
          if (!after(wait(24))) break;
          const r = rnd();
          if (r < 0.18) enter(stopped, "MOVED");
          else if (r < 0.2) leave("WITHDRAWN", "WITHDRAWN");
          else if (r < 0.3 && here > 0) enter(work[here - 1], "MOVED");
          else enter(here + 1 < work.length ? work[here + 1] : implemented, "MOVED");
        }
      }
      const onBoard = status === "ACTIVE" && stage !== null;
      const s = stage as { id: number; kind: string } | null;
      const closed = s !== null && (s.kind === "CLOSED_SUCCESS" || s.kind === "CLOSED_STOPPED");
      const position = s ? (nextPosition.get(s.id) ?? 0) + 1024 : null;
      if (s) nextPosition.set(s.id, position!);
      if (onBoard) totals.onBoard++;
      const title = `Ideja ${id}: ${pick(WORDS)} un ${pick(WORDS)} vienkāršāk`;
      const summary = `Īsumā par ${pick(WORDS)} — ${pick(WORDS)} lietotājiem.`;
      const problem = `Lietotāji gaida pārāk ilgi; ${pick(WORDS)} ir sarežģīts. `.repeat(4);
      const solution = `Piedāvājam ${pick(WORDS)} vienā solī. `.repeat(4);
      const last = events.reduce((latest, e) => (e[7] > latest ? e[7] : latest), createdAt);
      ideaRows.push([
        id,
        title,
        summary,
        "Iedzīvotāji un uzņēmēji.",
        problem,
        "Intervijas un dati.",
        solution,
        `${title} ${summary} ${problem} ${solution}`.toLowerCase(),
        status,
        s?.id ?? null,
        position,
        authorId,
        institutionId,
        s && s.kind !== "INTAKE" ? assigneeId : null,
        1 + events.length,
        createdAt,
        last,
        submittedAt,
        s ? stageEnteredAt : null,
        closed ? stageEnteredAt : null,
        last,
      ]);
      principleRows.push([id, principles[id % principles.length], s !== null && s.kind !== "INTAKE"]);
      if (rnd() < 0.5) principleRows.push([id, principles[(id + 2) % principles.length], false]);
      if (submittedAt) {
        // Supports: Pareto-distributed (α 1.5, mean about 10), from distinct people.
        const supports = Math.min(USERS - 1, Math.floor(10.5 / 3 / Math.pow(1 - rnd(), 1 / 1.5)));
        const offset = Math.floor(rnd() * USERS);
        const span = Math.max(DAY_MS, last.getTime() - submittedAt.getTime());
        for (let k = 0, added = 0; added < supports; k++) {
          const userId = ((offset + k) % USERS) + 1;
          if (userId === authorId) continue;
          supportRows.push([id, userId, new Date(Math.min(now, submittedAt.getTime() + rnd() * span))]);
          added++;
        }
        totals.supports += supports;
        lives.push({ id, authorId, from: submittedAt.getTime(), to: Math.min(now, last.getTime() + 30 * DAY_MS) });
      }
      totals.stageEvents += events.filter((e) => STAGE_EVENTS.has(e[2])).length;
      eventRows.push(...events);
    }
    await sink.insert("Idea", COLUMNS.Idea, ideaRows);
    await sink.insert("IdeaPrinciple", COLUMNS.IdeaPrinciple, principleRows);
    await sink.insert("Support", COLUMNS.Support, supportRows);
    await sink.insert("Experiment", COLUMNS.Experiment, experimentRows);
    await sink.insert("Event", COLUMNS.Event, eventRows);
    totals.events += eventRows.length;
  }

  // The rest of the events are comments, on the submitted ideas, during their lives.
  const comments = o.events - totals.events;
  if (comments < 0) throw new Error(`The ideas' own lives take ${totals.events} events, more than the ${o.events} asked for.`);
  for (let done = 0; done < comments;) {
    const n = Math.min(10_000, comments - done);
    const commentRows: Value[][] = [];
    const eventRows: EventRow[] = [];
    for (let k = 0; k < n; k++) {
      // Busier ideas draw more comments: a quarter of the comments go to a tenth of the ideas.
      const life = rnd() < 0.25 ? lives[Math.floor(rnd() * lives.length * 0.1)] : pick(lives);
      const internal = rnd() < 0.2;
      const authorId = internal ? 1 + Math.floor(rnd() * FACILITATORS) : rnd() < 0.3 ? life.authorId : 1 + Math.floor(rnd() * USERS);
      const at = new Date(life.from + rnd() * (life.to - life.from));
      commentRows.push([life.id, authorId, `Arī mūsu iestādē ${pick(WORDS)} ir problēma; varam palīdzēt ar datiem.`, internal, at]);
      eventRows.push([life.id, authorId, "COMMENTED", null, null, null, null, at]);
    }
    await sink.insert("Comment", COLUMNS.Comment, commentRows);
    await sink.insert("Event", COLUMNS.Event, eventRows);
    done += n;
    totals.comments += n;
    totals.events += n;
  }
  await sink.done();
  return { ideas: o.ideas, ...totals, seconds: (performance.now() - started) / 1000 } satisfies DashboardBenchData;
}

/** The ideas' last activity after the comments: their latest event, as the history reactor keeps it. */
export async function settleLastActivity(prisma: Db) {
  await prisma.$executeRawUnsafe(`UPDATE "Idea" SET "lastActivityAt" = (SELECT MAX(e."createdAt") FROM "Event" e WHERE e."ideaId" = "Idea"."id")`);
}
