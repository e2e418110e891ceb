// Shared helpers of the bench scripts: a scratch database, the built server, timed requests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../app/utils/db.server";
import { applyMigrations, openSqlite } from "../../app/utils/migrations.server";

/** The words bench titles and texts are made of (Latvian, with its letters). */
export const WORDS = [
  "nodokļu",
  "ceļš",
  "pieteikums",
  "rinda",
  "e-pakalpojums",
  "vēstule",
  "atļauja",
  "pārbaude",
  "dati",
  "klients",
  "pašvaldība",
  "ūdens",
  "mežs",
  "tiesa",
  "zāles",
];

export function scratchDatabase(name: string) {
  const file = path.resolve("data", `bench-${name}.db`);
  // A fresh clone has no data folder yet.
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
  const sqlite = openSqlite(file);
  applyMigrations(sqlite);
  sqlite.close();
  return file;
}

/** Starts the production build on a port of its own, as production runs it (`npm run serve`, with its heap limit). */
export async function startServer(databaseFile: string, port: number): Promise<{ base: string; pid: number; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ["--max-old-space-size=256", "server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "bench-secret-bench-secret-bench",
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, pid: child.pid!, stop: () => child.kill("SIGTERM") };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("The server did not start");
}

/** Signs in over HTTP; production cookies are Secure, so the cookie is read from the header. */
export async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie;
}

export function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Times sequential GETs of a page (after a warm-up) and prints the median and 95th percentile. */
export async function timeRequests(label: string, url: string, cookie: string, count = 50) {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
    return { ms, bytes: Buffer.byteLength(body) };
  };
  for (let i = 0; i < 5; i++) await get();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sample = await get();
    samples.push(sample.ms);
    bytes = sample.bytes;
  }
  samples.sort((a, b) => a - b);
  const row = {
    label,
    requests: count,
    median_ms: +percentile(samples, 50).toFixed(1),
    p95_ms: +percentile(samples, 95).toFixed(1),
    html_kb: +(bytes / 1024).toFixed(1),
  };
  console.log(`${row.label.padEnd(44)} median ${String(row.median_ms).padStart(6)} ms   p95 ${String(row.p95_ms).padStart(6)} ms   ${row.html_kb} KB`);
  return row;
}

/**
 * Seeds `count` ideas with principles and submission events (50 users across the institutions).
 * `stageFor(i)` picks each active idea's stage; by default they spread over every stage.
 */
export async function seedBenchIdeas(prisma: Db, count: number, stageFor?: (i: number, stages: { id: number; key: string }[]) => { id: number } | null) {
  const { randomInt } = await import("node:crypto");
  const { foldForSearch } = await import("../../app/utils/text");
  const { hashPassword } = await import("../../app/utils/password.server");
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
  const pick = <T>(list: T[]) => list[randomInt(list.length)];
  const now = Date.now();
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, j) => {
      const i = start + j;
      const title = `Ideja ${i}: ${pick(WORDS)} un ${pick(WORDS)} vienkāršāk`;
      const summary = `Īsumā par ${pick(WORDS)} — ${pick(WORDS)} lietotājiem.`;
      const problem = `Lietotāji gaida pārāk ilgi; ${pick(WORDS)} ir sarežģīts. `.repeat(4);
      const solution = `Piedāvājam ${pick(WORDS)} vienā solī. `.repeat(4);
      const status = i % 20 === 0 ? "DRAFT" : i % 23 === 0 ? "DECLINED" : i % 29 === 0 ? "NEEDS_INFO" : "ACTIVE";
      const stage = status === "ACTIVE" ? (stageFor ? stageFor(i, stages) : stages[i % stages.length]) : null;
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
        assigneeId: stage && i % 3 === 0 ? users[0].id : null,
        institutionId: institutions[i % institutions.length].id,
        createdAt: at,
        submittedAt: status === "DRAFT" ? null : at,
        stageEnteredAt: stage ? at : null,
        lastActivityAt: at,
      };
    });
    await prisma.idea.createMany({ data: rows });
  }
  const ids = (await prisma.idea.findMany({ select: { id: true, status: true, stageId: true, createdAt: true } })) as {
    id: number;
    status: string;
    stageId: number | null;
    createdAt: Date;
  }[];
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    await prisma.ideaPrinciple.createMany({ data: slice.map((idea, k) => ({ ideaId: idea.id, principleId: principles[k % principles.length].id })) });
    await prisma.event.createMany({
      data: slice.flatMap((idea) => [
        { ideaId: idea.id, actorId: users[0].id, type: "CREATED" as const, toStatus: "DRAFT" as const, createdAt: idea.createdAt },
        ...(idea.status === "DRAFT"
          ? []
          : [
              {
                ideaId: idea.id,
                actorId: users[0].id,
                type: "SUBMITTED" as const,
                toStageId: stages[0].id,
                fromStatus: "DRAFT" as const,
                toStatus: "ACTIVE" as const,
                createdAt: idea.createdAt,
              },
            ]),
      ]),
    });
  }
  return { users, stages, ids };
}
