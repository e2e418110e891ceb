// npm run bench:dashboard — seeds 50,000 ideas with 500,000 events (people, supports, experiments,
// comments and every idea's way through the stages: scripts/bench/dashboard-data.ts) into a scratch
// database on SQLite and, when it answers, on PostgreSQL (scripts/bench/lib.ts says which server
// and how to choose: `--engine sqlite|postgresql|both`), and prints, for each filter (none: this
// year; an institution; a principle; the last 12 months; the whole two years):
// - each figure's query in this process (median of 7) and the whole of getDashboard, per engine;
// - the plan of every statement with the filters none, institution and principle (SQLite: EXPLAIN
//   QUERY PLAN and its time here; PostgreSQL: EXPLAIN ANALYZE's key lines);
// - /dashboard as a browser gets it, beside the 300 ms target (issue #14): median and 95th
//   percentile over 40 requests after 10 to warm the server up, gzip and a kept-alive connection,
//   timed to the last compressed byte and unpacked, the engines' servers taking turns so that both
//   see the same machine; then the engines side by side;
// and the time to stream the full /ideas/export.csv. BENCH_IDEAS and BENCH_EVENTS change the sizes.
import type { Engine } from "../../app/utils/engine.server";
import { postgresSink, seedDashboardData, settleLastActivity, sqliteSink, type DashboardBenchData } from "./dashboard-data";
import {
  ENGINE_NAMES,
  type Figure,
  benchDatabase,
  benchEngines,
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

const IDEAS = Number(process.env.BENCH_IDEAS ?? 50_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const TARGET_MS = 300;
const WARM_UP = 10;
const SAMPLES = 40;
const PORTS = [3197, 3191];
const engines = await benchEngines();
const count = (n: number) => n.toLocaleString("en");

const today = new Date().toISOString().slice(0, 10);
const twoYearsAgo = new Date(Date.now() - 731 * 86_400_000).toISOString().slice(0, 10);
/** The filters, as the page's URL carries them; the institution's id is filled in once the reference data is there. */
const FILTERS: { label: string; query: string }[] = [
  { label: "none (this year)", query: "" },
  { label: "institution", query: "institution=" },
  { label: "principle (test)", query: "principle=test" },
  { label: "period: 12 months", query: "period=12m" },
  { label: "period: two years (all)", query: `period=custom&from=${twoYearsAgo}&to=${today}` },
];
const PLANNED = FILTERS.slice(0, 3).map((f) => f.label);

/** Seeds the engine's scratch database, derives what the reactors keep, and returns its URL and counts. */
async function seed(engine: Engine) {
  const url = await benchDatabase("dashboard", engine);
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  const reference = {
    stages: await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } }),
    institutions: (await prisma.institution.findMany({ orderBy: { id: "asc" } })).map((i) => i.id),
    principles: (await prisma.principle.findMany({ orderBy: { id: "asc" } })).map((p) => p.id),
  };
  const institution = (await prisma.institution.findFirstOrThrow({ where: { code: "UR" } })).id;
  const { hashPassword } = await import("../../app/utils/password.server");
  const passwordHash = await hashPassword("bench-password-123");
  // SQLite is written through a connection of its own, with the app's closed.
  if (engine === "sqlite") await releaseDatabase();
  const sink = engine === "sqlite" ? sqliteSink(url.slice("file:".length)) : postgresSink(prisma);
  const seeded = await seedDashboardData(sink, reference, { ideas: IDEAS, events: EVENTS, passwordHash });
  // Rows written outside the commands: what the reactors keep is derived afresh, as after any import.
  const derived = performance.now();
  await finishSeeding(url);
  await settleLastActivity(prisma);
  const { rebuildFlowFigures } = await import("../../app/modules/dashboard/dashboard.server");
  await rebuildFlowFigures();
  const { checkStageCounts, rebuildStageCounts } = await import("../../app/modules/board/stage-counts.server");
  await rebuildStageCounts(prisma);
  const off = await checkStageCounts(prisma);
  if (off.length) throw new Error(`Stage counts out of step after seeding: ${JSON.stringify(off)}`);
  // As autovacuum leaves a database in use (the stays and counts were written after the first pass).
  await finishSeeding(url);
  const stays = await prisma.stay.count();
  console.log(
    `\n${ENGINE_NAMES[engine]}: ${count(seeded.ideas)} ideas (${count(seeded.onBoard)} on the board), ${count(seeded.events)} events ` +
      `(${count(seeded.stageEvents)} of them into or out of a stage: ${count(stays)} stays), ${count(seeded.supports)} supports, ` +
      `${count(seeded.experiments)} experiments (${count(seeded.completed)} completed), ${count(seeded.comments)} comments; ` +
      `seeded in ${seeded.seconds.toFixed(1)} s, stays, daily counts and stage counts derived in ${((performance.now() - derived) / 1000).toFixed(1)} s.`,
  );
  return { url, institution, reference, seeded };
}

type Statement = { filter: string; figure: string; sql: string; values: unknown[] };

/** Each figure's query, timed in this process (every statement kept for its plan), and the whole of getDashboard. */
async function figureTimes(institutionIds: number[]) {
  const { prisma } = await import("../../app/utils/db.server");
  const { getDashboard, parseDashboardFilters } = await import("../../app/modules/dashboard/dashboard.server");
  const { dashboardFigures } = await import("../../app/modules/dashboard/figures.server");
  const figures = dashboardFigures();
  await prisma.$queryRawUnsafe("SELECT 1");
  const client = (globalThis as { __prisma?: { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise<unknown> } }).__prisma!;
  const run = client.$queryRawUnsafe.bind(client);
  const statements: Statement[] = [];
  let current = { filter: "", figure: "" };
  client.$queryRawUnsafe = (sql, ...values) => {
    if (!statements.some((s) => s.filter === current.filter && s.figure === current.figure && s.sql === sql)) statements.push({ ...current, sql, values });
    return run(sql, ...values);
  };
  const stages = await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } });
  const principles = await prisma.principle.findMany({ orderBy: { position: "asc" } });
  const stageIds = stages.map((s) => s.id);
  const principleIds = principles.map((p) => p.id);
  const flow = stages.filter((s) => s.kind !== "CLOSED_STOPPED");
  const nextOf = new Map(flow.slice(0, -1).map((s, i) => [s.id, flow[i + 1].id]));
  const withNext = stages.map((s) => ({ stageId: s.id, nextId: nextOf.get(s.id) ?? null }));
  const ofKind = (...kinds: string[]) => stages.filter((s) => kinds.includes(s.kind)).map((s) => s.id);
  const user = { id: 1, email: "", name: "", role: "FACILITATOR", locale: null, institutionId: institutionIds[0] } as const;
  const table: Record<string, Record<string, number>> = {};
  for (const { label, query } of FILTERS) {
    const { filters } = parseDashboardFilters(new URLSearchParams(query), { institutionIds });
    const principleId = filters.principle ? principles.find((p) => p.key === filters.principle)!.id : undefined;
    const f = { from: filters.period.from, to: filters.period.to, institutionId: filters.institutionId, principleId };
    const exits = await figures.exits(f, withNext);
    const stays = ofKind("INTAKE", "WORK").map((stageId) => ({ stageId, stays: exits.find((e) => e.stageId === stageId)?.left ?? 0 }));
    const work: Record<string, () => Promise<unknown>> = {
      submissions: () => figures.submissions(f),
      "on the board": () => figures.onBoard(f, stageIds, principleIds),
      declined: () => figures.declined(f),
      "experiment results": () => figures.experimentResults(f),
      entries: () => figures.entries(f, stageIds),
      exits: () => figures.exits(f, withNext),
      "time in stage": () => figures.timeInStage(f, stays),
      "stale ideas": () => figures.staleIdeas(f, new Date(), ofKind("WORK")),
      "getDashboard (all)": () => getDashboard(user as never, filters, "lv"),
    };
    for (const [figure, fn] of Object.entries(work)) {
      current = { filter: label, figure };
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await fn();
        times.push(performance.now() - started);
      }
      (table[figure] ??= {})[label] = percentile(
        times.sort((a, b) => a - b),
        50,
      );
    }
  }
  client.$queryRawUnsafe = run;
  return { table, statements: statements.filter((s) => s.figure !== "getDashboard (all)" && PLANNED.includes(s.filter)) };
}

const runs = new Map<Engine, { url: string; seeded: DashboardBenchData; institution: number }>();
for (const engine of engines) {
  const { url, institution, reference, seeded } = await seed(engine);
  runs.set(engine, { url, seeded, institution });
  FILTERS[1].query = `institution=${institution}`;
  const { table, statements } = await figureTimes(reference.institutions);
  console.log(`\n${ENGINE_NAMES[engine]}: each figure's query in this process (median of 7, ms; the target is for the whole page):`);
  console.log(`  ${"".padEnd(20)}${FILTERS.map((f) => f.label.padStart(25)).join("")}`);
  for (const [figure, byFilter] of Object.entries(table))
    console.log(`  ${figure.padEnd(20)}${FILTERS.map((f) => byFilter[f.label].toFixed(1).padStart(25)).join("")}`);
  console.log(`\n${ENGINE_NAMES[engine]}: the plans (${engine === "sqlite" ? "EXPLAIN QUERY PLAN, then the time here" : "EXPLAIN ANALYZE, its key lines"}):`);
  for (const s of statements) console.log(`  ${s.filter.padEnd(18)} ${s.figure.padEnd(19)} ${(await planOf(url, s.sql, s.values)).join(" | ")}`);
  await releaseDatabase();
}

// A server per engine, timed taking turns.
const servers = new Map<Engine, Awaited<ReturnType<typeof startServer>>>();
const figures: Figure[] = [];
try {
  for (const [k, engine] of engines.entries()) servers.set(engine, await startServer(runs.get(engine)!.url, PORTS[k]));
  const cookies = new Map<Engine, string>();
  for (const [engine, server] of servers) cookies.set(engine, await signIn(server.base, "bench0@example.lv", "bench-password-123"));
  console.log(
    `\n/dashboard over loopback (production build, one process per engine, sequential, gzip, a kept-alive connection; ${WARM_UP} warm-up rounds, then ${SAMPLES}, ` +
      `the engines taking turns); load average ${loadAverage()}:`,
  );
  for (const { label, query } of FILTERS) {
    const path = `/dashboard${query ? `?${query}` : ""}`;
    const timed = await timeInTurns(servers, cookies, path, { warmUp: WARM_UP, samples: SAMPLES });
    const median = new Map(engines.map((e) => [e, timed.get(e)!.median]));
    for (const engine of engines) {
      const { median: ms, p95, gzBytes, bytes } = timed.get(engine)!;
      console.log(
        `  ${label.padEnd(24)} ${ENGINE_NAMES[engine].padEnd(11)} median ${ms.toFixed(1).padStart(6)} ms (target ≤ ${TARGET_MS} ms) ${ms <= TARGET_MS ? "✓" : "✗"}` +
          `   p95 ${p95.toFixed(1).padStart(6)} ms   ${(gzBytes / 1024).toFixed(1)} KB gzipped (${(bytes / 1024).toFixed(1)} KB)`,
      );
    }
    figures.push({ label: `/dashboard ${label}, median`, values: Object.fromEntries(median), unit: "ms", bounds: [{ atMost: TARGET_MS, note: "#14" }] });
  }
  console.log(`  (load average now ${loadAverage()})`);
  for (const [engine, server] of servers) {
    const started = performance.now();
    const response = await fetch(`${server.base}/ideas/export.csv`, { headers: { Cookie: cookies.get(engine)! } });
    let bytes = 0;
    let firstByte = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByte) firstByte = performance.now() - started;
      bytes += chunk.length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${ENGINE_NAMES[engine]} /ideas/export.csv: ${(bytes / 1024 / 1024).toFixed(1)} MB streamed in ${seconds.toFixed(2)} s (first bytes after ${firstByte.toFixed(0)} ms)`,
    );
    figures.push({ label: "/ideas/export.csv, seconds", values: { [engine]: seconds }, decimals: 2 });
  }
} finally {
  for (const server of servers.values()) await server.stop();
  closeBenchAgent();
}
console.log("");
printComparison(`${count(IDEAS)} ideas, ${count(EVENTS)} events`, mergeByLabel(figures));

/** One row per label, the engines' values together. */
function mergeByLabel(list: Figure[]) {
  const merged = new Map<string, Figure>();
  for (const f of list) {
    const row = merged.get(f.label);
    if (row) row.values = { ...row.values, ...f.values };
    else merged.set(f.label, { ...f, values: { ...f.values } });
  }
  return [...merged.values()];
}
