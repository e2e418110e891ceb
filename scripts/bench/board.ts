// npm run bench:board — seeds 1,000, 10,000 and 100,000 ideas with realistic data (supports,
// experiments, events, comments: scripts/bench/board-data.ts) into scratch databases, on SQLite
// and, when it answers, on PostgreSQL (scripts/bench/lib.ts says which server and how to choose:
// `--engine sqlite|postgresql|both`), serves each with the production build and prints, for /board,
// each figure beside its target: median and 95th percentile over 100 requests after 50 to warm the
// server up (gzip and a kept-alive connection, as a browser asks, timed to the last compressed byte
// and unpacked; the engines' servers take turns, so both see the same machine), HTML bytes per card
// (plain and gzipped), requests per second for 10 s at 20 connections (autocannon, in this process)
// against one server process, and on PostgreSQL against two processes on two ports sharing the
// database (10 connections each, summed), the servers' memory after the load, the 100k/1k ratio,
// and the board route's JavaScript (gzipped). Then a table per size puts the engines side by side:
// PostgreSQL's figure over SQLite's, and the targets (the board's own, decision 0008; issue #14's:
// ≤ 150 ms at 10,000 ideas, PostgreSQL within 1.5× of SQLite for one request). The query plans of
// the board's statements are printed at 10,000 ideas and more (PostgreSQL: EXPLAIN ANALYZE, its key
// lines). `--sizes 1000,10000` (or BENCH_SIZES) for fewer.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { type Engine, describeDatabase } from "../../app/utils/engine.server";
import { seedBoardDataOn } from "./board-data";
import {
  ENGINE_NAMES,
  type Figure,
  benchDatabase,
  benchEngines,
  flag,
  getGzip,
  loadAverage,
  percentile,
  planOf,
  printComparison,
  releaseDatabase,
  signIn,
  startServer,
} from "./lib";

const sizes = (flag("sizes") ?? process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const engines = await benchEngines();

const WARM_UP = 50;
const SAMPLES = 100;
const LOAD = { connections: 20, seconds: 10 };
// A browser keeps its connection open between pages.
const TARGET = { medianMs: 30, medianMsAt10k: 150, postgresRatio: 1.5, ratio: 1.3, rps: 60, bytesPerCard: 1000, rssMb: 300 };
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const thousands = (n: number) => n.toLocaleString("en");

function rssMb(pid: number) {
  if (!existsSync(`/proc/${pid}/status`)) return NaN;
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return line ? Number(line.replace(/\D+/g, "")) / 1024 : NaN;
}

/** The plans the engine chooses for the board's statements (the SQL the board sends, with its values). */
async function printPlans(url: string, engine: Engine, count: number) {
  const { boardFilter, cardsQuery, countsQuery } = await import("../../app/modules/board/board.server");
  const { principlesQuery } = await import("../../app/modules/idea/idea-queries.server");
  const { Prisma } = await import("../../app/generated/prisma/client");
  const { prisma } = await import("../../app/utils/db.server");
  const ids = (await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM "Idea" WHERE status = 'ACTIVE' AND "stageId" = 3 ORDER BY position, id LIMIT 25`).map(
    (r) => Number(r.id),
  );
  // The statements the board sends (board.server.ts), with their values.
  const plain = await boardFilter({ id: 1 }, {});
  const filtered = await boardFilter({ id: 1 }, { institution: 1, principle: "test", q: "dati pieteikums", assignee: "mine" });
  const searched = await boardFilter({ id: 1 }, { q: "dati pieteikums" });
  const pages = [2, 3, 4, 5, 6, 7].map((stageId) => ({ stageId, take: 25 }));
  const statements = {
    cards: cardsQuery(plain, pages),
    "cards, filtered": cardsQuery(filtered, pages),
    "cards, searched": cardsQuery(searched, pages),
    principles: principlesQuery(ids),
    "stage counts": Prisma.sql`SELECT "stageId", "ideas" FROM "StageCount"`,
    "filtered counts": countsQuery(filtered),
    "searched counts": countsQuery(searched),
  };
  const how = engine === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN ANALYZE, key lines";
  console.log(`Query plans on ${ENGINE_NAMES[engine]} at ${thousands(count)} ideas (${how}; search: "dati pieteikums", filtered: every filter):`);
  for (const [name, sql] of Object.entries(statements)) {
    const plan = await planOf(url, engine === "sqlite" ? sql.sql : sql.text, sql.values);
    if (engine === "sqlite") console.log(`  ${name.padEnd(16)} ${plan.join("; ")}`);
    else for (const [k, line] of plan.entries()) console.log(`  ${(k === 0 ? name : "").padEnd(16)} ${line}`);
  }
}

/** Seeds `count` ideas into a fresh database on `engine` and counts the board's stage counts afresh. */
async function seed(engine: Engine, count: number, passwordHash: string) {
  const url = await benchDatabase(`board-${count}`, engine);
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  const seeded = await seedBoardDataOn(url, count, passwordHash);
  // Rows written outside the commands: the stage counts are counted afresh, then checked.
  const { checkStageCounts, rebuildStageCounts } = await import("../../app/modules/board/stage-counts.server");
  await rebuildStageCounts(prisma);
  const off = await checkStageCounts(prisma);
  if (off.length) throw new Error(`Stage counts out of step after seeding: ${JSON.stringify(off)}`);
  console.log(
    `${ENGINE_NAMES[engine]} (${describeDatabase(url)}): ${thousands(count)} ideas (${thousands(seeded.onBoard)} on the board), ` +
      `${thousands(seeded.supports)} supports, ${thousands(seeded.experiments)} experiments, ${thousands(seeded.events)} events, ` +
      `${thousands(seeded.comments)} comments; seeded in ${seeded.seconds.toFixed(1)} s`,
  );
  if (count >= 10_000) await printPlans(url, engine, count);
  await releaseDatabase();
  return url;
}

/** Requests per second for LOAD.seconds at LOAD.connections, split evenly over the servers (each its own autocannon run, at once). */
async function load(urls: string[], cookie: string) {
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, connections: LOAD.connections / urls.length, duration: LOAD.seconds, headers: { cookie, "accept-encoding": "gzip" } })),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.requests.total / r.duration, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p97_5: Math.max(...results.map((r) => r.latency.p97_5)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

type Measured = {
  engine: Engine;
  count: number;
  median: number;
  p95: number;
  pageKbGz: number;
  perCard: number;
  perCardGz: number;
  rps: number;
  p50Loaded: number;
  rss: number;
  rps2?: number;
  p50Loaded2?: number;
  rss2?: number;
};

/**
 * Serves each engine's database (one process each) and times /board on them taking turns, the order
 * swapped each round, so that both see the same machine; then the load, one engine at a time (on
 * PostgreSQL again with a second process on its own port), while the other engine's server idles.
 */
async function measure(urls: Map<Engine, string>, count: number): Promise<Measured[]> {
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    const runs = [];
    for (const [engine, url] of urls) {
      const server = await startServer(url, 0);
      servers.push(server);
      const cookie = await signIn(server.base, "bench0@example.lv", "bench-password-123");
      runs.push({ engine, url, server, cookie, board: `${server.base}/board`, samples: [] as number[] });
    }
    // A server in use is warm: the JIT has compiled the hot paths before the requests are timed.
    for (let i = 0; i < WARM_UP; i++) for (const run of runs) await getGzip(run.board, run.cookie);
    const last = new Map<Engine, Awaited<ReturnType<typeof getGzip>>>();
    for (let i = 0; i < SAMPLES; i++) {
      for (const run of i % 2 ? [...runs].reverse() : runs) {
        const got = await getGzip(run.board, run.cookie);
        if (got.status !== 200) throw new Error(`/board answered ${got.status} on ${ENGINE_NAMES[run.engine]}; the server's log is ${run.server.log}`);
        run.samples.push(got.ms);
        last.set(run.engine, got);
      }
    }
    const results: Measured[] = [];
    for (const run of runs) {
      const name = ENGINE_NAMES[run.engine];
      const page = last.get(run.engine)!;
      const samples = run.samples.sort((a, b) => a - b);
      const median = percentile(samples, 50);
      const p95 = percentile(samples, 95);
      const empty = await getGzip(`${run.server.base}/board?q=zzzzzzzz`, run.cookie);
      const cards = (page.html.match(/id="card-\d+"/g) ?? []).length;
      const perCard = (Buffer.byteLength(page.html) - Buffer.byteLength(empty.html)) / cards;
      const perCardGz = (page.gzBytes - empty.gzBytes) / cards;
      console.log(
        `${name}: /board median ${median.toFixed(1)} ms (target ≤ ${TARGET.medianMs} ms) ${mark(median <= TARGET.medianMs)}, p95 ${p95.toFixed(1)} ms`,
      );
      console.log(
        `  page ${(Buffer.byteLength(page.html) / 1024).toFixed(1)} KB, ${(page.gzBytes / 1024).toFixed(1)} KB gzipped, ${cards} cards shown; ` +
          `per card ${perCard.toFixed(0)} bytes (target ≤ ${TARGET.bytesPerCard}) ${mark(perCard <= TARGET.bytesPerCard)}, ${perCardGz.toFixed(0)} bytes gzipped`,
      );
      results.push({ engine: run.engine, count, median, p95, pageKbGz: page.gzBytes / 1024, perCard, perCardGz, rps: 0, p50Loaded: 0, rss: 0 });
    }
    console.log(`  (timed taking turns: ${SAMPLES} requests each after ${WARM_UP} to warm up; load average ${loadAverage()})`);
    for (const [k, run] of runs.entries()) {
      const name = ENGINE_NAMES[run.engine];
      console.log(`${name}: load average ${loadAverage()} before the load`);
      const one = await load([run.board], run.cookie);
      const rpsTarget = count === 1000 ? ` (target ≥ ${TARGET.rps} at 1,000) ${mark(one.rps >= TARGET.rps)}` : "";
      console.log(
        `  autocannon -c ${LOAD.connections} -d ${LOAD.seconds}, 1 process: ${one.rps.toFixed(1)} req/s${rpsTarget}, latency p50 ${one.p50} ms, ` +
          `p97.5 ${one.p97_5} ms, errors and non-2xx ${one.errors}`,
      );
      const rss = rssMb(run.server.pid);
      console.log(`  server RSS after the load ${rss.toFixed(0)} MB (target ≤ ${TARGET.rssMb} MB) ${mark(rss <= TARGET.rssMb)}`);
      Object.assign(results[k], { rps: one.rps, p50Loaded: one.p50, rss });
      if (run.engine !== "postgresql") continue;
      const second = await startServer(run.url, 0);
      try {
        for (let i = 0; i < WARM_UP; i++) await getGzip(`${second.base}/board`, run.cookie);
        console.log(`  load average ${loadAverage()} before the load on two processes`);
        const two = await load([run.board, `${second.base}/board`], run.cookie);
        const rss2 = Math.max(rssMb(run.server.pid), rssMb(second.pid));
        console.log(
          `  autocannon -c ${LOAD.connections / 2} -d ${LOAD.seconds} on each of 2 processes (one database): ${two.rps.toFixed(1)} req/s together, ` +
            `latency p50 ${two.p50} ms, p97.5 ${two.p97_5} ms (the slower process), errors and non-2xx ${two.errors}; RSS at most ${rss2.toFixed(0)} MB`,
        );
        Object.assign(results[k], { rps2: two.rps, p50Loaded2: two.p50, rss2 });
      } finally {
        await second.stop();
      }
    }
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Each engine's figure of `pick`, for a row of the comparison. */
function valuesOf(results: Measured[], pick: (m: Measured) => number | undefined) {
  return Object.fromEntries(results.map((m) => [m.engine, pick(m)]).filter(([, v]) => v !== undefined)) as Partial<Record<Engine, number>>;
}

function compare(count: number, results: Measured[]) {
  const figures: Figure[] = [
    {
      label: "/board median, ms",
      values: valuesOf(results, (m) => m.median),
      bounds: [{ atMost: TARGET.medianMs, note: "0008" }, ...(count === 10_000 ? [{ atMost: TARGET.medianMsAt10k, note: "#14" }] : [])],
      ratioAtMost: TARGET.postgresRatio,
    },
    { label: "/board p95, ms", values: valuesOf(results, (m) => m.p95) },
    { label: "page gzipped, KB", values: valuesOf(results, (m) => m.pageKbGz) },
    { label: "bytes per card", values: valuesOf(results, (m) => m.perCard), decimals: 0, bounds: [{ atMost: TARGET.bytesPerCard }] },
    {
      label: `req/s, ${LOAD.connections} connections, 1 process`,
      values: valuesOf(results, (m) => m.rps),
      bounds: count === 1000 ? [{ atLeast: TARGET.rps, note: "at 1,000" }] : [],
    },
    { label: "  latency p50 under that load, ms", values: valuesOf(results, (m) => m.p50Loaded), decimals: 0 },
    { label: `req/s, ${LOAD.connections} connections, 2 processes`, values: valuesOf(results, (m) => m.rps2) },
    { label: "  latency p50 under that load, ms", values: valuesOf(results, (m) => m.p50Loaded2), decimals: 0 },
    { label: "server RSS after the load, MB", values: valuesOf(results, (m) => Math.max(m.rss, m.rss2 ?? 0)), decimals: 0, bounds: [{ atMost: TARGET.rssMb }] },
  ];
  console.log();
  printComparison(`${thousands(count)} ideas`, figures);
}

function boardJavaScript() {
  const dir = path.resolve("public/build");
  const manifestFile = readdirSync(dir).find((f) => f.startsWith("manifest-"))!;
  const source = readFileSync(path.join(dir, manifestFile), "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const id of ["root", "routes/board"]) {
    const route = manifest.routes[id];
    // A build running at the same time (another checkout's tests) can leave a half-written manifest.
    if (!route) return console.log(`\nJavaScript for /board: the build's manifest has no ${id}; run the benchmark again when no other build runs.`);
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  // The page's translations (Latvian here): a chunk of their own, loaded before the page hydrates.
  const translations = readdirSync(path.join(dir, "_shared")).find((f) => /^lv-[A-Z0-9]+\.js$/.test(f));
  if (translations) files.add(`/build/_shared/${translations}`);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    if (!f || !existsSync(path.join("public", f))) continue;
    const body = readFileSync(path.join("public", f));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(
    `\nJavaScript for /board (entry, root and board route with their chunks, the page's translations): ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`,
  );
}

const { hashPassword } = await import("../../app/utils/password.server");
const passwordHash = await hashPassword("bench-password-123");
console.log(
  `Engines: ${engines.map((e) => ENGINE_NAMES[e]).join(" and ")}; sizes ${sizes.map(thousands).join(", ")}; load average ${loadAverage()} at the start`,
);
const results: Measured[] = [];
for (const size of sizes) {
  console.log(`\n== ${thousands(size)} ideas ==`);
  const urls = new Map<Engine, string>();
  for (const engine of engines) urls.set(engine, await seed(engine, size, passwordHash));
  const measured = await measure(urls, size);
  compare(size, measured);
  results.push(...measured);
}
await releaseDatabase();
const smallest = Math.min(...sizes);
const largest = Math.max(...sizes);
if (largest !== smallest) {
  console.log();
  for (const engine of engines) {
    const ratio =
      results.find((r) => r.engine === engine && r.count === largest)!.median / results.find((r) => r.engine === engine && r.count === smallest)!.median;
    console.log(
      `${ENGINE_NAMES[engine]}: median at ${thousands(largest)} / at ${thousands(smallest)}: ${ratio.toFixed(2)} (target ≤ ${TARGET.ratio}) ${mark(ratio <= TARGET.ratio)}`,
    );
  }
}
boardJavaScript();
