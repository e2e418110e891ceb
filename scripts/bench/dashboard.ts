// npm run bench:dashboard — seeds 50,000 ideas with 500,000 events into a scratch database and
// prints the median and 95th-percentile response time of /dashboard (default filters, and with an
// institution filter) and the time to stream the full /ideas/export.csv.
import { scratchDatabase, seedBenchIdeas, signIn, startServer, timeRequests } from "./lib";

const IDEAS = Number(process.env.BENCH_IDEAS ?? 50_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const file = scratchDatabase("dashboard");
const { prisma } = await import("../../app/utils/db.server");
const { seedReference } = await import("../../prisma/seed");
await seedReference(prisma);

const started = performance.now();
const { users, stages, ids } = await seedBenchIdeas(prisma, IDEAS);
const active = ids.filter((i) => i.stageId !== null);
let events = await prisma.event.count();
const flow = stages.filter((s) => s.kind !== "CLOSED_STOPPED");
const now = Date.now();
const BATCH = 5000;
// Stage moves back and forth over the last year, until the table holds EVENTS rows.
for (let round = 0; events < EVENTS; round++) {
  const rows = Array.from({ length: Math.min(BATCH, EVENTS - events) }, (_, k) => {
    const idea = active[(round * BATCH + k) % active.length];
    const from = flow[(round + k) % (flow.length - 1)];
    const to = flow[((round + k) % (flow.length - 1)) + 1];
    const kind = (round + k) % 11 === 0 ? stages.find((s) => s.kind === "CLOSED_STOPPED")! : to;
    return {
      ideaId: idea.id,
      actorId: users[0].id,
      type: "MOVED" as const,
      fromStageId: from.id,
      toStageId: kind.id,
      createdAt: new Date(now - ((round * 7919 + k * 104729) % (365 * 86400)) * 1000),
    };
  });
  await prisma.event.createMany({ data: rows });
  events += rows.length;
}
const { rebuildFlowFigures } = await import("../../app/modules/dashboard/dashboard.sqlite.server");
await rebuildFlowFigures();
console.log(
  `Seeded ${await prisma.idea.count()} ideas and ${await prisma.event.count()} events in ${((performance.now() - started) / 1000).toFixed(1)} s (${file}).`,
);
const institution = (await prisma.institution.findFirstOrThrow({ where: { code: "UR" } })).id;
await prisma.$disconnect();

const server = await startServer(file, 3197);
try {
  const cookie = await signIn(server.base, "bench0@example.lv", "bench-password-123");
  console.log("\nResponse time over loopback (production build, sequential, after 5 warm-up requests):");
  await timeRequests("/dashboard (this year)", `${server.base}/dashboard`, cookie, 20);
  await timeRequests("/dashboard?institution=… (one institution)", `${server.base}/dashboard?institution=${institution}`, cookie, 20);
  await timeRequests("/dashboard?period=12m&principle=test", `${server.base}/dashboard?period=12m&principle=test`, cookie, 20);
  const t0 = performance.now();
  const response = await fetch(`${server.base}/ideas/export.csv`, { headers: { Cookie: cookie } });
  let bytes = 0;
  let firstByte = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - t0;
    bytes += chunk.length;
  }
  const total = performance.now() - t0;
  console.log(
    `/ideas/export.csv: ${(bytes / 1024 / 1024).toFixed(1)} MB streamed in ${(total / 1000).toFixed(2)} s (first bytes after ${firstByte.toFixed(0)} ms)`,
  );
} finally {
  server.stop();
}
