// npm run bench:home — seeds 10,000 ideas with 100,000 events (people, supports, experiments,
// comments and every idea's way through the stages: scripts/bench/dashboard-data.ts) into a scratch
// database on SQLite and, when it answers, on PostgreSQL (scripts/bench/lib.ts says which server and
// how to choose: `--engine sqlite|postgresql|both`), gives one person each role (a submitter with the
// most ideas, news since 30 days ago, drafts and questions; a facilitator with ideas assigned; a
// manager; an administrator), and prints:
// - the plan of every statement the home page sends for each role (SQLite: EXPLAIN QUERY PLAN and
//   its time here; PostgreSQL: EXPLAIN ANALYZE's key lines);
// - / as a browser gets it, for each role, beside the 50 ms target (issue #16): median and 95th
//   percentile over 40 requests after 10 to warm the server up, gzip and a kept-alive connection,
//   timed to the last compressed byte, the engines' servers taking turns; and /accessibility the same
//   way, a page of the same shell that reads next to nothing, as the machine's baseline.
// BENCH_IDEAS and BENCH_EVENTS change the sizes.
import type { Engine } from "../../app/utils/engine.server";
import { postgresSink, seedDashboardData, settleLastActivity, sqliteSink } from "./dashboard-data";
import {
  ENGINE_NAMES,
  type Figure,
  benchDatabase,
  benchEngines,
  capturePrismaQueries,
  closeBenchAgent,
  finishSeeding,
  timeInTurns,
  loadAverage,
  percentile,
  planOf,
  printComparison,
  releaseDatabase,
  signIn,
  startServer,
} from "./lib";

const IDEAS = Number(process.env.BENCH_IDEAS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const TARGET_MS = 50;
const WARM_UP = 10;
const SAMPLES = 40;
const PORTS = [3217, 3211];
const PASSWORD = "bench-password-123";
const DAY_MS = 86_400_000;
const ROLES = ["SUBMITTER", "FACILITATOR", "MANAGER", "ADMIN"] as const;
type Role = (typeof ROLES)[number];
const engines = await benchEngines();
const count = (n: number) => n.toLocaleString("en");

/** Seeds the engine's scratch database and picks (or makes) one person of each role; returns their e-mails. */
async function seed(engine: Engine) {
  const url = await benchDatabase("home", engine);
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  const reference = {
    stages: await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } }),
    institutions: (await prisma.institution.findMany({ orderBy: { id: "asc" } })).map((i) => i.id),
    principles: (await prisma.principle.findMany({ orderBy: { id: "asc" } })).map((p) => p.id),
  };
  const { hashPassword } = await import("../../app/utils/password.server");
  const passwordHash = await hashPassword(PASSWORD);
  if (engine === "sqlite") await releaseDatabase();
  const sink = engine === "sqlite" ? sqliteSink(url.slice("file:".length)) : postgresSink(prisma);
  const seeded = await seedDashboardData(sink, reference, { ideas: IDEAS, events: EVENTS, passwordHash });
  await finishSeeding(url);
  await settleLastActivity(prisma);
  const { rebuildFlowFigures } = await import("../../app/modules/dashboard/dashboard.server");
  await rebuildFlowFigures();
  const { rebuildStageCounts } = await import("../../app/modules/board/stage-counts.server");
  await rebuildStageCounts(prisma);

  // The submitter with the most ideas, who last marked their news seen 30 days ago, with a few drafts and a question waiting.
  const [top] = await prisma.idea.groupBy({ by: ["authorId"], _count: { _all: true }, orderBy: [{ _count: { id: "desc" } }, { authorId: "asc" }], take: 1 });
  const submitter = await prisma.user.update({ where: { id: top.authorId }, data: { homeSeenAt: new Date(Date.now() - 30 * DAY_MS) } });
  // bench0 is a facilitator with ideas assigned (the seed assigns them among bench0 … bench19).
  const facilitator = await prisma.user.findUniqueOrThrow({ where: { email: "bench0@example.lv" } });
  const manager = await prisma.user.update({ where: { email: "bench1998@example.lv" }, data: { role: "MANAGER" } });
  const admin = await prisma.user.update({ where: { email: "bench1999@example.lv" }, data: { role: "ADMIN" } });
  await finishSeeding(url);
  const [ideas, assigned, drafts, returned] = await Promise.all([
    prisma.idea.count({ where: { authorId: submitter.id } }),
    prisma.idea.count({ where: { assigneeId: facilitator.id, status: "ACTIVE" } }),
    prisma.idea.count({ where: { authorId: submitter.id, status: "DRAFT" } }),
    prisma.idea.count({ where: { authorId: submitter.id, status: "NEEDS_INFO" } }),
  ]);
  console.log(
    `\n${ENGINE_NAMES[engine]}: ${count(seeded.ideas)} ideas (${count(seeded.onBoard)} on the board), ${count(seeded.events)} events, ${count(seeded.supports)} supports, ` +
      `${count(seeded.experiments)} experiments, ${count(seeded.comments)} comments; seeded in ${seeded.seconds.toFixed(1)} s. ` +
      `The submitter has ${ideas} ideas (${drafts} drafts, ${returned} returned); the facilitator ${assigned} active ideas assigned.`,
  );
  const users: Record<Role, { id: number; email: string }> = { SUBMITTER: submitter, FACILITATOR: facilitator, MANAGER: manager, ADMIN: admin };
  return { url, users };
}

/** Every statement the home page sends for each role, with its plan and time here. */
async function plans(url: string, users: Record<Role, { id: number; email: string }>) {
  const { getHomeData } = await import("../../app/modules/user/home.server");
  const { prisma } = await import("../../app/utils/db.server");
  for (const role of ROLES) {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: users[role].id } });
    const started = performance.now();
    await getHomeData(user, "lv");
    const first = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await getHomeData(user, "lv");
      times.push(performance.now() - t);
    }
    console.log(
      `\n${ENGINE_NAMES[engineOfUrl(url)]} ${role}: getHomeData in this process, median of 7 ${percentile(
        times.sort((a, b) => a - b),
        50,
      ).toFixed(1)} ms (first ${first.toFixed(1)} ms); its statements:`,
    );
    const queries = await capturePrismaQueries(url, () => getHomeData(user, "lv"));
    let statements = 0;
    let database = 0;
    for (const q of queries) {
      if (/^(BEGIN|COMMIT|SELECT 1)/.test(q.query)) continue;
      const sql = q.query.replace(/\s+/g, " ");
      console.log(`  ${sql.length > 160 ? `${sql.slice(0, 157)}…` : sql}`);
      for (const line of await planOf(url, q.query, q.params)) {
        console.log(`      ${line}`);
        // The statement's own time (SQLite: the median run here; PostgreSQL: EXPLAIN ANALYZE's execution time).
        const time = line.match(/^(?:run|Execution Time): ([\d.]+) ms/);
        if (time) database += Number(time[1]);
      }
      statements++;
    }
    console.log(`  ${role}: ${statements} statements, ${database.toFixed(2)} ms in the database together (the rest of the page's time is the app's)`);
  }
}

const engineOfUrl = (url: string): Engine => (url.startsWith("file:") ? "sqlite" : "postgresql");

const runs = new Map<Engine, { url: string; users: Record<Role, { id: number; email: string }> }>();
for (const engine of engines) {
  const run = await seed(engine);
  runs.set(engine, run);
  await plans(run.url, run.users);
  await releaseDatabase();
}

const servers = new Map<Engine, Awaited<ReturnType<typeof startServer>>>();
const figures: Figure[] = [];
try {
  for (const [k, engine] of engines.entries()) servers.set(engine, await startServer(runs.get(engine)!.url, PORTS[k]));
  console.log(
    `\n/ over loopback (production build, one process per engine, sequential, gzip, a kept-alive connection; ${WARM_UP} warm-up rounds, then ${SAMPLES}, ` +
      `the engines taking turns); load average ${loadAverage()}:`,
  );
  // The same shell with next to nothing from the database (/accessibility, as the submitter): what this machine takes for any page now.
  for (const role of [...ROLES, "BASELINE" as const]) {
    const path = role === "BASELINE" ? "/accessibility" : "/";
    const as = role === "BASELINE" ? "SUBMITTER" : role;
    const cookies = new Map<Engine, string>();
    for (const [engine, server] of servers) cookies.set(engine, await signIn(server.base, runs.get(engine)!.users[as].email, PASSWORD));
    const timed = await timeInTurns(servers, cookies, path, { warmUp: WARM_UP, samples: SAMPLES, what: `${path} as ${as}` });
    const median = new Map(engines.map((e) => [e, timed.get(e)!.median]));
    for (const engine of engines) {
      const { median: ms, p95, gzBytes, bytes } = timed.get(engine)!;
      console.log(
        `  ${role.padEnd(12)} ${ENGINE_NAMES[engine].padEnd(11)} median ${ms.toFixed(1).padStart(6)} ms ${role === "BASELINE" ? "(no target)      " : `(target ≤ ${TARGET_MS} ms) ${ms <= TARGET_MS ? "✓" : "✗"}`}` +
          `   p95 ${p95.toFixed(1).padStart(6)} ms   ${(gzBytes / 1024).toFixed(1)} KB gzipped (${(bytes / 1024).toFixed(1)} KB)`,
      );
    }
    figures.push(
      role === "BASELINE"
        ? { label: "/accessibility (baseline), median", values: Object.fromEntries(median), unit: "ms" }
        : { label: `/ as ${role.toLowerCase()}, median`, values: Object.fromEntries(median), unit: "ms", bounds: [{ atMost: TARGET_MS, note: "#16" }] },
    );
  }
  console.log(`  (load average now ${loadAverage()})`);
} finally {
  for (const server of servers.values()) await server.stop();
  closeBenchAgent();
}
console.log("");
printComparison(`${count(IDEAS)} ideas, ${count(EVENTS)} events`, figures);
