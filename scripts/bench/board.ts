// npm run bench:board — seeds 1,000, 10,000 and 100,000 ideas with realistic data (supports,
// experiments, events, comments: scripts/bench/board-data.ts) into scratch databases under data/,
// serves each with the production build (one process) and prints, for /board, each figure beside
// its target: median and 95th percentile over 100 requests after 50 to warm the server up (gzip
// and a kept-alive connection, as a browser asks, timed to the last compressed byte and unpacked),
// requests per second for 10 s at 10 connections
// (autocannon), HTML bytes per card (plain and gzipped), the server's memory after the load, the
// 100k/1k ratio, and the board route's JavaScript (gzipped). BENCH_SIZES=1000,10000 for fewer.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { seedBoardData } from "./board-data";
import { percentile, scratchDatabase, signIn, startServer } from "./lib";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);

const WARM_UP = 50;
const SAMPLES = 100;
// A browser keeps its connection open between pages.
const agent = new http.Agent({ keepAlive: true });
const TARGET = { medianMs: 30, ratio: 1.3, rps: 60, bytesPerCard: 1000, rssMb: 300 };
const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** One GET with Accept-Encoding: gzip, as a browser sends it: the time to the last byte and its unpacking. */
function getGzip(url: string, cookie: string): Promise<{ ms: number; status: number; gzBytes: number; html: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Cookie: cookie, "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const gzipped = res.headers["content-encoding"] === "gzip";
          const html = (gzipped ? gunzipSync(raw) : raw).toString("utf8");
          resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, gzBytes: gzipped ? raw.length : gzipSync(raw).length, html });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function rssMb(pid: number) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return line ? Number(line.replace(/\D+/g, "")) / 1024 : NaN;
}

/** The plans SQLite chooses for the board's statements (the SQL Prisma sends, with values in place). */
async function printPlans(file: string) {
  const { boardFilter, cardsQuery, countsQuery, principlesQuery } = await import("../../app/modules/board/board.server");
  const { Prisma } = await import("../../app/generated/prisma/client");
  const db = new Database(file, { readonly: true });
  const ids = (db.prepare(`SELECT id FROM "Idea" WHERE status = 'ACTIVE' AND "stageId" = 3 ORDER BY position, id LIMIT 25`).all() as { id: number }[]).map(
    (r) => r.id,
  );
  // The statements the board sends (board.server.ts), with their values.
  const plain = boardFilter({ id: 1 }, {});
  const filtered = boardFilter({ id: 1 }, { institution: 1, principle: "test", q: "dati pieteikums", assignee: "mine" });
  const pages = [2, 3, 4, 5, 6, 7].map((stageId) => ({ stageId, take: 25 }));
  const statements = {
    cards: cardsQuery(plain, pages),
    "cards, filtered": cardsQuery(filtered, pages),
    principles: principlesQuery(ids),
    "stage counts": Prisma.sql`SELECT "stageId", "ideas" FROM "StageCount"`,
    "filtered counts": countsQuery(filtered),
  };
  console.log("Query plans (EXPLAIN QUERY PLAN):");
  for (const [name, sql] of Object.entries(statements)) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql.sql}`).all(...sql.values.map((v) => (typeof v === "boolean" ? Number(v) : v))) as { detail: string }[])
      .map((r) => r.detail)
      .join("; ");
    console.log(`  ${name.padEnd(16)} ${plan}`);
  }
  db.close();
}

async function benchmark(count: number, passwordHash: string) {
  const file = scratchDatabase(`board-${count}`);
  (globalThis as { __prisma?: unknown }).__prisma = undefined;
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  await prisma.$disconnect();
  (globalThis as { __prisma?: unknown }).__prisma = undefined;

  const seeded = seedBoardData(file, count, passwordHash);
  // Rows written outside the commands: the stage counts are counted afresh, then checked.
  const { prisma: db } = await import("../../app/utils/db.server");
  const { checkStageCounts, rebuildStageCounts } = await import("../../app/modules/board/stage-counts.server");
  await rebuildStageCounts(db);
  const off = await checkStageCounts(db);
  if (off.length) throw new Error(`Stage counts out of step after seeding: ${JSON.stringify(off)}`);
  await db.$disconnect();
  (globalThis as { __prisma?: unknown }).__prisma = undefined;

  console.log(
    `\n${count.toLocaleString("en")} ideas (${seeded.onBoard.toLocaleString("en")} on the board), ${seeded.supports.toLocaleString("en")} supports, ` +
      `${seeded.experiments.toLocaleString("en")} experiments, ${seeded.events.toLocaleString("en")} events, ${seeded.comments.toLocaleString("en")} comments; seeded in ${seeded.seconds.toFixed(1)} s`,
  );
  if (count === Math.max(...sizes)) printPlans(file);

  const server = await startServer(file, 3198);
  try {
    const cookie = await signIn(server.base, "bench0@example.lv", "bench-password-123");
    const url = `${server.base}/board`;
    // A server in use is warm: the JIT has compiled the hot paths before the requests are timed.
    for (let i = 0; i < WARM_UP; i++) await getGzip(url, cookie);
    const samples: number[] = [];
    let last = await getGzip(url, cookie);
    for (let i = 0; i < SAMPLES; i++) {
      last = await getGzip(url, cookie);
      if (last.status !== 200) throw new Error(`/board answered ${last.status}`);
      samples.push(last.ms);
    }
    samples.sort((a, b) => a - b);
    const median = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const empty = await getGzip(`${server.base}/board?q=zzzzzzzz`, cookie);
    const cards = (last.html.match(/id="card-\d+"/g) ?? []).length;
    const perCard = (Buffer.byteLength(last.html) - Buffer.byteLength(empty.html)) / cards;
    const perCardGz = (last.gzBytes - empty.gzBytes) / cards;
    console.log(`/board median ${median.toFixed(1)} ms (target ≤ ${TARGET.medianMs} ms) ${mark(median <= TARGET.medianMs)}, p95 ${p95.toFixed(1)} ms`);
    console.log(
      `  page ${(Buffer.byteLength(last.html) / 1024).toFixed(1)} KB, ${(last.gzBytes / 1024).toFixed(1)} KB gzipped, ${cards} cards shown; ` +
        `per card ${perCard.toFixed(0)} bytes (target ≤ ${TARGET.bytesPerCard}) ${mark(perCard <= TARGET.bytesPerCard)}, ${perCardGz.toFixed(0)} bytes gzipped`,
    );
    const result = await autocannon({ url, connections: 10, duration: 10, headers: { cookie, "accept-encoding": "gzip" } });
    const rps = result.requests.average;
    const rpsTarget = count === 1000 ? ` (target ≥ ${TARGET.rps} at 1,000) ${mark(rps >= TARGET.rps)}` : "";
    console.log(
      `  autocannon -c 10 -d 10, 1 process: ${rps.toFixed(1)} req/s${rpsTarget}, latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, ` +
        `errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
    const rss = rssMb(server.pid);
    console.log(`  server RSS after the load ${rss.toFixed(0)} MB (target ≤ ${TARGET.rssMb} MB) ${mark(rss <= TARGET.rssMb)}`);
    return { count, median, p95, rps, perCard, rss };
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 300));
  }
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
const results = [];
for (const size of sizes) results.push(await benchmark(size, passwordHash));
const smallest = results.find((r) => r.count === Math.min(...sizes))!;
const largest = results.find((r) => r.count === Math.max(...sizes))!;
if (largest !== smallest) {
  const ratio = largest.median / smallest.median;
  console.log(
    `\nMedian at ${largest.count.toLocaleString("en")} / at ${smallest.count.toLocaleString("en")}: ${ratio.toFixed(2)} (target ≤ ${TARGET.ratio}) ${mark(ratio <= TARGET.ratio)}`,
  );
}
boardJavaScript();
