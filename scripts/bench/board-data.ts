// Realistic data for the board's benchmark, written straight into SQLite with prepared statements
// (100,000 ideas with their rows in well under two minutes): 2,000 people (20 facilitators),
// ideas in every status and stage, one or two principles each, supports long-tailed (Pareto,
// about 10 per idea on average, some with hundreds), two experiments per idea in the work stages,
// a few comments and the events of each idea's way to its stage. Then the board's stage counts are
// counted afresh and checked, as seeding must.
import Database from "better-sqlite3";
import { WORDS } from "./lib";

const USERS = 2000;
const FACILITATORS = 20;
const DAY_MS = 86_400_000;

/** A small, fast, repeatable random source (mulberry32), so every run seeds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prisma's SQLite DateTime text. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export type BoardBenchData = { ideas: number; onBoard: number; supports: number; experiments: number; events: number; comments: number; seconds: number };

/** Seeds `count` ideas into the migrated database `file` (reference data already there). `passwordHash` is every person's. */
export function seedBoardData(file: string, count: number, passwordHash: string): BoardBenchData {
  const started = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const rnd = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const now = Date.now();
  const at = (daysAgo: number) => iso(now - daysAgo * DAY_MS);

  const stages = db.prepare(`SELECT id, key, kind FROM "Stage" WHERE "archivedAt" IS NULL ORDER BY position`).all() as {
    id: number;
    key: string;
    kind: string;
  }[];
  const institutions = (db.prepare(`SELECT id FROM "Institution"`).all() as { id: number }[]).map((r) => r.id);
  const principles = (db.prepare(`SELECT id FROM "Principle"`).all() as { id: number }[]).map((r) => r.id);
  const intake = stages.find((s) => s.kind === "INTAKE")!;
  const work = stages.filter((s) => s.kind === "WORK");
  const implemented = stages.find((s) => s.kind === "CLOSED_SUCCESS")!;
  const stopped = stages.find((s) => s.kind === "CLOSED_STOPPED")!;

  const insertUser = db.prepare(
    `INSERT INTO "User" (id, email, name, role, "institutionId", "passwordHash", active, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < USERS; i++) {
      const created = at(400);
      insertUser.run(
        i + 1,
        `bench${i}@example.lv`,
        `Lietotājs ${i}`,
        i < FACILITATORS ? "FACILITATOR" : "SUBMITTER",
        institutions[i % institutions.length],
        passwordHash,
        created,
        created,
      );
    }
  })();

  const insertIdea = db.prepare(
    `INSERT INTO "Idea" (id, title, summary, "usersAffected", problem, evidence, solution, "expectedValue", "firstTest", partners, "searchText", status, "stageId", position,
       "authorId", "institutionId", "assigneeId", version, "createdAt", "updatedAt", "submittedAt", "stageEnteredAt", "closedAt", "lastActivityAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPrinciple = db.prepare(`INSERT INTO "IdeaPrinciple" ("ideaId", "principleId", confirmed) VALUES (?, ?, ?)`);
  const insertSupport = db.prepare(`INSERT INTO "Support" ("ideaId", "userId", "createdAt") VALUES (?, ?, ?)`);
  const insertExperiment = db.prepare(
    `INSERT INTO "Experiment" ("ideaId", hypothesis, method, "methodType", metric, "successCriterion", status, "searchText", "createdById", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO "Event" ("ideaId", "actorId", type, "fromStageId", "toStageId", "fromStatus", "toStatus", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertComment = db.prepare(`INSERT INTO "Comment" ("ideaId", "authorId", body, internal, "createdAt") VALUES (?, ?, ?, ?, ?)`);

  const nextPosition = new Map<number, number>();
  const totals = { onBoard: 0, supports: 0, experiments: 0, events: 0, comments: 0 };
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    db.transaction(() => {
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
        insertIdea.run(
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
          `${title} ${summary} ${problem} ${solution}`.toLowerCase(),
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
        );
        if (stage) totals.onBoard++;
        const first = principles[id % principles.length];
        insertPrinciple.run(id, first, stage && stage !== intake ? 1 : 0);
        if (rnd() < 0.5) insertPrinciple.run(id, principles[(id + 2) % principles.length], 0);

        // Events: created, submitted, and each step to the idea's stage.
        const events: [number | null, string, number | null, number | null, string | null, string | null][] = [
          [authorId, "CREATED", null, null, null, "DRAFT"],
        ];
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
          for (const [k, e] of events.entries()) insertEvent.run(id, e[0], e[1], e[2], e[3], e[4], e[5], at(createdDaysAgo - k * 0.01));
          totals.events += events.length;
          continue;
        }

        // Supports: Pareto-distributed (α 1.5, mean about 10), from distinct people.
        const supports = Math.min(USERS - 1, Math.floor(10.5 / 3 / Math.pow(1 - rnd(), 1 / 1.5)));
        const offset = Math.floor(rnd() * USERS);
        for (let k = 0, added = 0; added < supports; k++) {
          const userId = ((offset + k) % USERS) + 1;
          if (userId === authorId) continue;
          insertSupport.run(id, userId, at(enteredDaysAgo));
          added++;
        }
        totals.supports += supports;

        if (stage?.kind === "WORK") {
          for (let k = 0; k < 2; k++) {
            const hypothesis = `Mēs uzskatām, ka ${pick(WORDS)} samazinās gaidīšanu.`;
            insertExperiment.run(
              id,
              hypothesis,
              "Divas nedēļas izmēģinām vienā nodaļā.",
              pick(["INTERVIEWS", "PROTOTYPE_TEST", "PILOT", "SURVEY"]),
              "Gaidīšanas laiks.",
              "Par 20 % īsāks.",
              k === 0 ? "COMPLETED" : "RUNNING",
              `${title} ${hypothesis}`.toLowerCase(),
              assigneeId ?? 1,
              at(enteredDaysAgo),
              at(enteredDaysAgo),
            );
            events.push([assigneeId ?? 1, "EXPERIMENT_CREATED", null, null, null, null]);
          }
          totals.experiments += 2;
        }

        const comments = Math.floor(rnd() * 5);
        for (let k = 0; k < comments; k++) {
          const internal = rnd() < 0.2;
          const commenter = internal ? 1 + Math.floor(rnd() * FACILITATORS) : 1 + Math.floor(rnd() * USERS);
          insertComment.run(
            id,
            commenter,
            `Arī mūsu iestādē ${pick(WORDS)} ir problēma; varam palīdzēt ar datiem.`,
            internal ? 1 : 0,
            at(enteredDaysAgo * rnd()),
          );
          events.push([commenter, "COMMENTED", null, null, null, null]);
        }
        totals.comments += comments;
        for (const [k, e] of events.entries()) insertEvent.run(id, e[0], e[1], e[2], e[3], e[4], e[5], at(Math.max(0, createdDaysAgo - k * 0.5)));
        totals.events += events.length;
      }
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { ideas: count, ...totals, seconds: (performance.now() - started) / 1000 };
}
