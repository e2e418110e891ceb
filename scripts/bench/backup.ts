// npm run bench:backup — seeds 10,000 ideas with realistic data (supports, experiments, events and
// comments: board-data.ts) into a scratch database, then runs `npm run db:backup` (the command
// itself, in a process of its own, as cron would) while this process keeps writing ideas through
// the app's own command, as a busy server would. Prints the backup's duration and size (and gzipped)
// beside the target, how the writes fared before and while it ran, and checks that every write
// acknowledged before the backup began is in it. BENCH_IDEAS=… for another size.
import { spawn } from "node:child_process";
import { createReadStream, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import Database from "better-sqlite3";
import { seedBoardData } from "./board-data";
import { percentile, scratchDatabase } from "./lib";

const IDEAS = Number(process.env.BENCH_IDEAS ?? 10_000);
const TARGET_S = 10;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

const file = scratchDatabase("backup");
const backupDir = path.resolve("data", "bench-backups");
rmSync(backupDir, { recursive: true, force: true });
const global = globalThis as { __prisma?: unknown };
{
  global.__prisma = undefined;
  const { prisma } = await import("../../app/utils/db.server");
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  await prisma.$disconnect();
  global.__prisma = undefined;
}
const { hashPassword } = await import("../../app/utils/password.server");
const seeded = seedBoardData(file, IDEAS, await hashPassword("bench-password-123"));
const { prisma } = await import("../../app/utils/db.server");
const { rebuildStageCounts } = await import("../../app/modules/board/stage-counts.server");
await rebuildStageCounts(prisma);
console.log(
  `${seeded.ideas.toLocaleString("en")} ideas, ${seeded.supports.toLocaleString("en")} supports, ${seeded.experiments.toLocaleString("en")} experiments, ` +
    `${seeded.events.toLocaleString("en")} events, ${seeded.comments.toLocaleString("en")} comments; seeded in ${seeded.seconds.toFixed(1)} s ` +
    `(${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`,
);

// The writer: ideas submitted through the app's command, one after another, each its own task.
await import("../../app/modules/system/reactors.server");
const { createIdea } = await import("../../app/modules/idea/idea.server");
const { IdeaFormSchema } = await import("../../app/modules/idea/idea.schema");
const authorRow = await prisma.user.findFirstOrThrow({ where: { role: "SUBMITTER", active: true }, orderBy: { id: "asc" } });
const author = { ...authorRow, twoFactor: false };
const brief = (n: number) =>
  IdeaFormSchema.parse({
    intent: "submit",
    title: `Ideja, rakstīta dublēšanas laikā ${n}`,
    summary: "Iedzīvotāji piesakās vizītei vienā solī, nevis zvanot vairākas reizes.",
    usersAffected: "Pacienti laukos, īpaši seniori.",
    problem: "Zvanot uz reģistratūru, pacienti gaida rindā līdz 40 minūtēm.",
    evidence: "Intervējām 12 pacientus; 9 no viņiem minēja zvanu rindas.",
    usersTalkedTo: 12,
    solution: "Atzvanīšanas pakalpojums: pacients atstāj numuru, reģistratūra atzvana.",
    expectedValue: "Mazāk neatbildētu zvanu.",
    firstTest: "Divas nedēļas vienā praksē.",
    partners: "Pašvaldība.",
    principles: ["partner"],
    institutionId: author.institutionId,
  });
type Write = { id: number; at: number; ms: number };
const writes: Write[] = [];
let writing = true;
const writer = (async () => {
  while (writing) {
    const started = performance.now();
    const result = await createIdea(author, brief(writes.length + 1));
    if (!result.ok) throw new Error(`The writer's idea was refused: ${JSON.stringify(result)}`);
    writes.push({ id: result.value.id, at: performance.now(), ms: performance.now() - started });
    await new Promise((resolve) => setImmediate(resolve));
  }
})();

// A second of writes before the backup, to compare with.
await new Promise((resolve) => setTimeout(resolve, 1000));
const acknowledgedBefore = writes.map((w) => w.id);
const started = performance.now();
const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/db-backup.ts"], {
  env: { ...process.env, DATABASE_URL: `file:${file}`, BACKUP_DIR: backupDir, BACKUP_KEEP: "2" },
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
child.stdout.on("data", (chunk: Buffer) => (output += chunk));
const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
const ended = performance.now();
writing = false;
await writer;
await prisma.$disconnect();
if (status !== 0) throw new Error(`npm run db:backup failed (${status})`);

const backup = /to (\S+\.db)\n/.exec(output)?.[1];
if (!backup) throw new Error(`No backup named in: ${output}`);
const bytes = statSync(backup).size;
let gzBytes = 0;
await pipeline(
  createReadStream(backup),
  createGzip(),
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      gzBytes += chunk.length;
      done();
    },
  }),
);
const db = new Database(backup, { readonly: true });
const present = new Set((db.prepare(`SELECT id FROM "Idea" WHERE id >= ?`).all(Math.min(...acknowledgedBefore)) as { id: number }[]).map((r) => r.id));
db.close();
const missing = acknowledgedBefore.filter((id) => !present.has(id));

const latency = (list: Write[]) => {
  const sorted = list.map((w) => w.ms).sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};
const before = writes.filter((w) => w.at < started);
const during = writes.filter((w) => w.at >= started && w.at <= ended);
const seconds = (ended - started) / 1000;
console.log(`\nnpm run db:backup, while the app wrote (${IDEAS.toLocaleString("en")} ideas):`);
for (const line of output.trim().split("\n")) console.log(`  | ${line}`);
const [copyS, checkS] = (/copied in ([\d.]+) s, checked in ([\d.]+) s/.exec(output) ?? []).slice(1).map(Number);
const backupS = copyS + checkS;
console.log(
  `  backup ${backupS.toFixed(2)} s (copy ${copyS.toFixed(2)} s, check ${checkS.toFixed(2)} s) (target < ${TARGET_S} s) ${mark(backupS < TARGET_S)}; ` +
    `whole command ${seconds.toFixed(2)} s with Node's and tsx's start-up`,
);
console.log(`  backup file ${(bytes / 1024 / 1024).toFixed(1)} MB, ${(gzBytes / 1024 / 1024).toFixed(1)} MB gzipped`);
console.log(`  writes acknowledged before it began: ${acknowledgedBefore.length}, missing from the backup: ${missing.length} ${mark(missing.length === 0)}`);
console.log(`  writes during the backup: ${during.length} (${(during.length / seconds).toFixed(0)}/s), ${latency(during)}`);
console.log(`  writes in the second before:  ${before.length}, ${latency(before)}`);
console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end`);
if (missing.length) process.exitCode = 1;
