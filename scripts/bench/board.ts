// npm run bench:board — seeds 1,000 and then 10,000 ideas (most in the work stages) into scratch
// databases and prints, for /board: median and 95th-percentile response time over 20 requests,
// requests per second for 10 s at 10 connections (autocannon), HTML bytes per card, and the
// board route's JavaScript (gzipped).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { scratchDatabase, seedBenchIdeas, signIn, startServer, timeRequests } from "./lib";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);

async function benchmark(count: number) {
  const file = scratchDatabase(`board-${count}`);
  (globalThis as { __prisma?: unknown }).__prisma = undefined;
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  // Most ideas in the work stages, some submitted, some closed.
  const work = ["discover", "define", "develop", "test", "scale"];
  await seedBenchIdeas(prisma, count, (i, stages) => {
    const key = i % 10 === 0 ? "submitted" : i % 10 === 1 ? "implemented" : i % 10 === 2 ? "stopped" : work[i % work.length];
    return stages.find((s) => s.key === key)!;
  });
  const onBoard = await prisma.idea.count({ where: { status: "ACTIVE" } });
  await prisma.$disconnect();
  (globalThis as { __prisma?: unknown }).__prisma = undefined;

  const server = await startServer(file, 3198);
  try {
    const cookie = await signIn(server.base, "bench0@example.lv", "bench-password-123");
    console.log(`\n${count} ideas (${onBoard} on the board):`);
    const timing = await timeRequests(`/board at ${count}`, `${server.base}/board`, cookie, 20);
    const full = await (await fetch(`${server.base}/board`, { headers: { Cookie: cookie } })).text();
    const empty = await (await fetch(`${server.base}/board?q=zzzzzzzz`, { headers: { Cookie: cookie } })).text();
    const cards = (full.match(/<article id="card-/g) ?? []).length;
    const perCard = (Buffer.byteLength(full) - Buffer.byteLength(empty)) / cards;
    console.log(`HTML: ${(Buffer.byteLength(full) / 1024).toFixed(1)} KB for ${cards} cards shown; ${perCard.toFixed(0)} bytes per card (markup and data)`);
    const result = await autocannon({ url: `${server.base}/board`, connections: 10, duration: 10, headers: { cookie } });
    console.log(
      `autocannon -c 10 -d 10: ${result.requests.average.toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
    return { count, ...timing, perCard };
  } finally {
    server.stop();
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
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const body = readFileSync(path.join("public", f));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`\nJavaScript for /board (entry, root and board route with their chunks): ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
}

for (const size of sizes) await benchmark(size);
boardJavaScript();
