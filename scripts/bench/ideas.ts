// npm run bench:ideas — seeds 10,000 ideas into a scratch database and prints the median and
// 95th-percentile response time (loopback, production build) of /ideas, a search, and an idea page
// with 50 events and 20 comments.
import { randomInt } from "node:crypto";
import { foldForSearch } from "../../app/utils/text";
import { scratchDatabase, signIn, startServer, timeRequests } from "./lib";

const IDEAS = Number(process.env.BENCH_IDEAS ?? 10_000);
const file = scratchDatabase("ideas");
const { prisma } = await import("../../app/utils/db.server");
const { seedReference } = await import("../../prisma/seed");
const { hashPassword } = await import("../../app/utils/auth.server");
await seedReference(prisma);

const started = performance.now();
const institutions = await prisma.institution.findMany();
const stages = await prisma.stage.findMany({ orderBy: { position: "asc" } });
const principles = await prisma.principle.findMany();
const passwordHash = await hashPassword("bench-password-123");
await prisma.user.createMany({
  data: Array.from({ length: 50 }, (_, i) => ({
    email: `bench${i}@example.lv`,
    name: `Lietotājs ${i}`,
    role: i === 0 ? ("FACILITATOR" as const) : ("SUBMITTER" as const),
    institutionId: institutions[i % institutions.length].id,
    passwordHash,
  })),
});
const users = await prisma.user.findMany({ select: { id: true } });

const WORDS = ["nodokļu", "ceļš", "pieteikums", "rinda", "e-pakalpojums", "vēstule", "atļauja", "pārbaude", "dati", "klients", "pašvaldība", "ūdens", "mežs", "tiesa", "zāles"];
const pick = <T>(list: T[]) => list[randomInt(list.length)];
const now = Date.now();
const BATCH = 1000;
for (let start = 0; start < IDEAS; start += BATCH) {
  const rows = Array.from({ length: Math.min(BATCH, IDEAS - start) }, (_, j) => {
    const i = start + j;
    const title = `Ideja ${i}: ${pick(WORDS)} un ${pick(WORDS)} vienkāršāk`;
    const summary = `Īsumā par ${pick(WORDS)} — ${pick(WORDS)} lietotājiem.`;
    const problem = `Lietotāji gaida pārāk ilgi; ${pick(WORDS)} ir sarežģīts. `.repeat(4);
    const solution = `Piedāvājam ${pick(WORDS)} vienā solī. `.repeat(4);
    const status = i % 20 === 0 ? "DRAFT" : i % 23 === 0 ? "DECLINED" : i % 29 === 0 ? "NEEDS_INFO" : "ACTIVE";
    const stage = status === "ACTIVE" ? stages[i % stages.length] : null;
    const at = new Date(now - randomInt(365 * 24 * 3600) * 1000);
    return {
      title,
      summary,
      usersAffected: "Iedzīvotāji un uzņēmēji.",
      problem,
      evidence: "Intervijas un dati.",
      solution,
      searchText: foldForSearch([title, summary, problem, solution].join("\n")),
      status: status as "DRAFT" | "DECLINED" | "NEEDS_INFO" | "ACTIVE",
      stageId: stage?.id ?? null,
      position: stage ? i * 10 : null,
      authorId: users[i % users.length].id,
      institutionId: institutions[i % institutions.length].id,
      createdAt: at,
      submittedAt: status === "DRAFT" ? null : at,
      stageEnteredAt: stage ? at : null,
      lastActivityAt: at,
    };
  });
  await prisma.idea.createMany({ data: rows });
}
const ids = (await prisma.idea.findMany({ select: { id: true, status: true, stageId: true, createdAt: true } })) as { id: number; status: string; stageId: number | null; createdAt: Date }[];
for (let start = 0; start < ids.length; start += BATCH) {
  const slice = ids.slice(start, start + BATCH);
  await prisma.ideaPrinciple.createMany({ data: slice.map((idea, k) => ({ ideaId: idea.id, principleId: principles[k % principles.length].id })) });
  await prisma.event.createMany({
    data: slice.flatMap((idea) => [
      { ideaId: idea.id, actorId: users[0].id, type: "CREATED", toStatus: "DRAFT", createdAt: idea.createdAt },
      ...(idea.status === "DRAFT" ? [] : [{ ideaId: idea.id, actorId: users[0].id, type: "SUBMITTED", toStageId: stages[0].id, fromStatus: "DRAFT", toStatus: "ACTIVE", createdAt: idea.createdAt }]),
    ]),
  });
}

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
  data: Array.from({ length: 20 }, (_, k) => ({ ideaId: busy.id, authorId: users[1 + (k % 10)].id, body: `Komentārs ${k}: arī mums tā ir — ļoti vajadzīgs uzlabojums.` })),
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
