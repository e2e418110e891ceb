// npm run bench:ideas — seeds 10,000 ideas into a scratch database and prints the median and
// 95th-percentile response time (loopback, production build) of /ideas, a search, and an idea page
// with 50 events and 20 comments.
import { scratchDatabase, seedBenchIdeas, signIn, startServer, timeRequests } from "./lib";

const IDEAS = Number(process.env.BENCH_IDEAS ?? 10_000);
const file = scratchDatabase("ideas");
const { prisma } = await import("../../app/utils/db.server");
const { seedReference } = await import("../../prisma/seed");
await seedReference(prisma);

const started = performance.now();
const { users, stages, ids } = await seedBenchIdeas(prisma, IDEAS);

// One busy idea: 50 events and 20 comments.
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
const seeded = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Seeded ${await prisma.idea.count()} ideas, ${await prisma.event.count()} events in ${seeded} s (${file}).`);
await prisma.$disconnect();

const server = await startServer(file, 3199);
try {
  const cookie = await signIn(server.base, "bench1@example.lv", "bench-password-123");
  console.log("\nResponse time over loopback (production build, sequential, after 5 warm-up requests):");
  await timeRequests("/ideas (first page, 25 of ~9,500)", `${server.base}/ideas`, cookie);
  await timeRequests("/ideas?q=nodoklu (search)", `${server.base}/ideas?q=nodoklu`, cookie);
  await timeRequests("/ideas?q=cels+rinda&principle=test (search+filter)", `${server.base}/ideas?q=cels+rinda&principle=test`, cookie);
  await timeRequests("/ideas?page=200 (deep page)", `${server.base}/ideas?page=200`, cookie);
  await timeRequests(`/ideas/${busy.id} (50 events, 20 comments)`, `${server.base}/ideas/${busy.id}`, cookie);
} finally {
  server.stop();
}
