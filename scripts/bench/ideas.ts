// npm run bench:ideas — seeds 10,000 ideas into a scratch database, on SQLite and, when it answers,
// on PostgreSQL (`--engine sqlite|postgresql|both`: scripts/bench/lib.ts), serves each with the
// production build and prints the median and 95th-percentile response time (loopback, gzip as a
// browser asks, the engines' servers timed taking turns) of /ideas, a search, a search with a
// filter, a deep page, and an idea page with 50 events and 20 comments; then
// both engines side by side with the targets of issue #14 (search ≤ 50 ms at 10,000 ideas, PostgreSQL
// within 1.5× of SQLite), and the plans of the statements the list and the searches send (PostgreSQL:
// EXPLAIN ANALYZE, its key lines). It runs at 10,000 and at 100,000 ideas and ends with the search medians side by
// side (#17: ≤ 20 ms at 100,000 on SQLite, flat from 10,000). `--ideas N` (or BENCH_IDEAS) for one size.
import { type Engine, describeDatabase } from "../../app/utils/engine.server";
import {
  ENGINE_NAMES,
  type Figure,
  benchDatabase,
  benchEngines,
  capturePrismaQueries,
  finishSeeding,
  flag,
  loadAverage,
  planOf,
  printComparison,
  random,
  releaseDatabase,
  seedBenchIdeas,
  signIn,
  startServer,
  type timeRequests,
  timeRequestsOn,
} from "./lib";

/** The sizes timed: 10,000 and 100,000 ideas (`--ideas N` or BENCH_IDEAS for one size). */
const SIZES = (flag("ideas") ?? process.env.BENCH_IDEAS ?? "10000,100000").split(",").map(Number);
/** The size being timed (the functions below read it). */
let IDEAS = SIZES[0];
/** #14: search ≤ 50 ms at 10,000 ideas, PostgreSQL within 1.5× of SQLite; #17: search ≤ 20 ms at 100,000 ideas on SQLite, flat from 10,000. */
const TARGET = { searchMs: 50, searchMsAt100k: 20, postgresRatio: 1.5 };
const WARM_UP = 30;
const engines = await benchEngines();
const thousands = (n: number) => n.toLocaleString("en");

/**
 * The pages timed; `search` marks the ones issue #14's search target applies to, `searchAt100k`
 * the one #17's does (a search: the box's words alone). `query` is the list's URL query (the plans
 * read it too). Each search word is in about a third of the ideas: the worst case, a word as common
 * as the lab's commonest.
 */
const PAGES = [
  { label: "/ideas (first page, 25 of 95 % of the ideas)", query: "" },
  { label: "/ideas?q=nodoklu (search)", query: "q=nodoklu", search: true, searchAt100k: true },
  { label: "/ideas?q=cels+rinda&principle=test (search+filter)", query: "q=cels+rinda&principle=test", search: true },
  { label: "/ideas?page=200 (deep page)", query: "page=200" },
];

/** Seeds the ideas and one busy idea (50 events, 20 comments) into a fresh database on `engine`. */
async function seed(engine: Engine) {
  const url = await benchDatabase("ideas", engine);
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  const started = performance.now();
  const { users, stages, ids } = await seedBenchIdeas(prisma, IDEAS);
  // Supports, long-tailed as on the board's bench (Pareto, α 1.5, about 9 per submitted idea here, at
  // most every other person's): the list shows each idea's count.
  const rnd = random(IDEAS);
  const supports = ids
    .filter((idea) => idea.status !== "DRAFT")
    .flatMap((idea) => {
      const n = Math.min(users.length - 1, Math.floor(10.5 / 3 / Math.pow(1 - rnd(), 1 / 1.5)));
      const offset = Math.floor(rnd() * users.length);
      return Array.from({ length: n }, (_, k) => ({ ideaId: idea.id, userId: users[(offset + k) % users.length].id }));
    });
  for (let start = 0; start < supports.length; start += 5000) await prisma.support.createMany({ data: supports.slice(start, start + 5000) });
  const busy = ids.find((i) => i.status === "ACTIVE")!;
  await prisma.event.createMany({
    data: Array.from({ length: 48 }, (_, k) => ({
      ideaId: busy.id,
      actorId: users[0].id,
      type: "MOVED",
      fromStageId: stages[k % 6].id,
      toStageId: stages[(k + 1) % 6].id,
      createdAt: new Date(busy.createdAt.getTime() + (k + 1) * 3600_000),
    })),
  });
  await prisma.comment.createMany({
    data: Array.from({ length: 20 }, (_, k) => ({
      ideaId: busy.id,
      authorId: users[1 + (k % 10)].id,
      body: `Komentārs ${k}: arī mums tā ir — ļoti vajadzīgs uzlabojums.`,
    })),
  });
  await finishSeeding(url);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${ENGINE_NAMES[engine]}: seeded ${thousands(await prisma.idea.count())} ideas, ${thousands(await prisma.support.count())} supports, ` +
      `${thousands(await prisma.event.count())} events in ${seconds} s (${describeDatabase(url)}).`,
  );
  return { url, busyId: busy.id, user: users[1].id };
}

/** The plans of the statements /ideas sends for each page's query (what Prisma sends, with its values). */
async function printPlans(engine: Engine, url: string, userId: number) {
  const { getFilterOptions, listIdeas, parseIdeaFilters } = await import("../../app/modules/idea/idea-queries.server");
  const { prisma } = await import("../../app/utils/db.server");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, institutionId: true } });
  const options = await getFilterOptions("lv");
  await releaseDatabase();
  const how = engine === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN ANALYZE, key lines";
  console.log(`Query plans on ${ENGINE_NAMES[engine]} at ${thousands(IDEAS)} ideas (${how}), the statements of listIdeas:`);
  for (const page of PAGES) {
    const { filters } = parseIdeaFilters(new URLSearchParams(page.query), options);
    const queries = await capturePrismaQueries(url, () => listIdeas({ ...user, locale: "lv" }, filters, "lv"));
    console.log(`  /ideas?${page.query}`);
    for (const { query, params } of queries) {
      const shown = query.replace(/\s+/g, " ").replace(/SELECT .*? FROM/, "SELECT … FROM");
      const plan = await planOf(url, query, params);
      // The look-ups of a page's institutions, stages and principles by id: one line each.
      if (!/^SELECT … FROM (\(SELECT )?"public"\."Idea"/.test(shown) || engine === "sqlite") {
        console.log(`    ${shown.slice(0, 60)}…: ${plan.join("; ")}`);
        continue;
      }
      console.log(`    ${shown.length > 150 ? `${shown.slice(0, 147)}…` : shown}`);
      for (const line of plan) console.log(`      ${line}`);
    }
  }
}

type Timed = Awaited<ReturnType<typeof timeRequests>>;
/** Each size's search medians per engine, for the flatness line at the end. */
const searchMedians = new Map<number, Map<Engine, number[]>>();

async function runSize() {
  const results = new Map<Engine, Timed[]>();
  console.log(`Engines: ${engines.map((e) => ENGINE_NAMES[e]).join(" and ")}; ${thousands(IDEAS)} ideas; load average ${loadAverage()} at the start`);
  const seeded = new Map<Engine, Awaited<ReturnType<typeof seed>>>();
  for (const engine of engines) {
    console.log();
    const one = await seed(engine);
    await printPlans(engine, one.url, one.user);
    await releaseDatabase();
    seeded.set(engine, one);
  }
  // A server per engine, timed taking turns (scripts/bench/lib.ts, timeRequestsOn).
  const servers = new Map<Engine, Awaited<ReturnType<typeof startServer>>>();
  try {
    const targets: { engine: Engine; base: string; cookie: string }[] = [];
    for (const engine of engines) {
      const server = await startServer(seeded.get(engine)!.url, 0);
      servers.set(engine, server);
      targets.push({ engine, base: server.base, cookie: await signIn(server.base, "bench1@example.lv", "bench-password-123") });
    }
    console.log(
      `\nResponse time over loopback (production build, a server per engine, sequential requests taking turns, after ${WARM_UP} to warm up), load average ${loadAverage()}:`,
    );
    const on = (path: (engine: Engine) => string) =>
      targets.map((t) => ({ name: ENGINE_NAMES[t.engine], url: `${t.base}${path(t.engine)}`, cookie: t.cookie }));
    const rows: Timed[][] = [];
    for (const page of PAGES)
      rows.push(
        await timeRequestsOn(
          page.label,
          on(() => `/ideas${page.query ? `?${page.query}` : ""}`),
          50,
          WARM_UP,
        ),
      );
    rows.push(
      await timeRequestsOn(
        "/ideas/:id (50 events, 20 comments)",
        on((engine) => `/ideas/${seeded.get(engine)!.busyId}`),
        50,
        WARM_UP,
      ),
    );
    for (const [k, engine] of engines.entries())
      results.set(
        engine,
        rows.map((r) => r[k]),
      );
    console.log(`(load average ${loadAverage()} at the end)`);
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }

  const labels = [...PAGES.map((p) => p.label), "/ideas/:id (50 events, 20 comments)"];
  const figures: Figure[] = labels.flatMap((label, k) => {
    const of = (pick: (t: Timed) => number) =>
      Object.fromEntries([...results].map(([engine, rows]) => [engine, pick(rows[k])])) as Partial<Record<Engine, number>>;
    return [
      {
        label: `${label} median, ms`,
        values: of((t) => t.median_ms),
        bounds: !PAGES[k]?.search
          ? []
          : IDEAS === 10_000
            ? [{ atMost: TARGET.searchMs, note: "#14" }]
            : IDEAS === 100_000 && PAGES[k].searchAt100k
              ? [{ atMost: TARGET.searchMsAt100k, note: "#17, SQLite" }]
              : [],
        ratioAtMost: TARGET.postgresRatio,
      },
      { label: "  p95, ms", values: of((t) => t.p95_ms) },
    ];
  });
  console.log();
  printComparison(`${thousands(IDEAS)} ideas`, figures);
  searchMedians.set(IDEAS, new Map([...results].map(([engine, rows]) => [engine, PAGES.flatMap((p, k) => (p.search ? [rows[k].median_ms] : []))])));
}

for (const size of SIZES) {
  IDEAS = size;
  await runSize();
}
if (SIZES.length > 1) {
  // Flat: the search medians at each size side by side (#17: 100,000 ideas no slower than 10,000 beyond noise).
  console.log("\nSearch medians by size (ms; /ideas?q=… and /ideas?q=…&principle=…):");
  for (const engine of engines)
    console.log(
      `  ${ENGINE_NAMES[engine]}: ${SIZES.map(
        (size) =>
          `${thousands(size)} ideas ${searchMedians
            .get(size)
            ?.get(engine)
            ?.map((ms) => ms.toFixed(1))
            .join(" / ")}`,
      ).join("  →  ")}`,
    );
  const big = searchMedians.get(100_000)?.get("sqlite");
  if (big) {
    const [search, filtered] = big;
    console.log(
      `  target #17: SQLite search at 100,000 ideas ≤ ${TARGET.searchMsAt100k} ms median: ${search <= TARGET.searchMsAt100k ? "met" : "NOT met"} (${search.toFixed(1)} ms)`,
    );
    console.log(
      `  beside it, a search with a principle filter: ${filtered.toFixed(1)} ms (${filtered <= TARGET.searchMsAt100k ? "also" : "not"} within ${TARGET.searchMsAt100k} ms)`,
    );
  }
}
