// Two real server processes on one PostgreSQL database (#14): the production server
// (server/index.js with the app's build) started twice, on two ports, with this test file's
// database, and a real SMTP server on loopback. What a deployment behind a proxy relies on:
//   - a session started through one process works through the other, and a move through one is
//     seen at once through the other;
//   - 50 simultaneous moves spread over both leave the column whole (no card lost, no position
//     taken twice) and stale versions are refused with 409;
//   - both processes run the mail job, and every notification is e-mailed exactly once;
//   - two processes migrating an empty database at once apply each migration once;
//   - one process killed in the middle of a burst of writes: the other keeps serving, and every
//     write that was acknowledged is in the database.
// On SQLite (one process per database file) there is nothing to test here.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient, prisma } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { listMigrations, POSTGRES_MIGRATIONS_DIR } from "~/utils/migrations.server";
import { ideaInStage } from "../factories/idea";
import { startSmtp, type TestSmtp } from "../factories/smtp";
import { TEST_PASSWORD, createUser } from "../factories/user";
import { admin, databaseOn, dropDatabase } from "../setup/postgres";

type Server = { port: number; child: ChildProcess; base: string; output: () => string };

const children: ChildProcess[] = [];
let smtp: TestSmtp;
let servers: [Server, Server];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function startServer(): Promise<Server> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "two-processes-test-secret-0123456789",
      DATABASE_URL: process.env.DATABASE_URL!,
      PORT: String(port),
      HOST: "127.0.0.1",
      SMTP_URL: smtp.url,
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}: ${output}`);
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { port, child, base, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer on ${base}: ${output}`);
}

const form = (fields: Record<string, string | number>) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));

/** Signs in through a server and returns the session cookie. */
async function signIn(server: Server, email: string) {
  const response = await fetch(`${server.base}/login`, {
    method: "POST",
    body: form({ formId: "login", email, password: TEST_PASSWORD, redirectTo: "/board" }),
    redirect: "manual",
  });
  expect(response.status, await response.clone().text()).toBe(302);
  const cookie = response.headers.get("set-cookie")!.split(";")[0];
  expect(cookie).toMatch(/session=/);
  return cookie;
}

function move(server: Server, cookie: string, input: { ideaId: number; version: number; stage: string; position?: number }) {
  return fetch(`${server.base}/board`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form({ intent: "move", ideaId: input.ideaId, version: input.version, stage: input.stage, ...(input.position ? { position: input.position } : {}) }),
    redirect: "manual",
  });
}

const column = (key: string) =>
  prisma.idea.findMany({ where: { stage: { key } }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, position: true } });

describe.skipIf(!onPostgres())("two server processes on one PostgreSQL database", () => {
  let author: { id: number; email: string };
  let facilitatorEmail: string;

  beforeAll(async () => {
    // The production build the servers run (the browser tests build it too; it takes a few seconds).
    execFileSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production" },
    });
    expect(existsSync("build/index.js")).toBe(true);
    smtp = await startSmtp();
    author = await createUser({ role: "SUBMITTER" });
    facilitatorEmail = (await createUser({ role: "FACILITATOR" })).email;
    servers = [await startServer(), await startServer()];
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await smtp?.close();
  });

  test("a session started through one process works through the other, and a move through one is seen at once through the other", async () => {
    const [a, b] = servers;
    const cookie = await signIn(a, facilitatorEmail);
    const idea = await ideaInStage("discover", author.id, { title: `Redzams abos procesos ${randomBytes(3).toString("hex")}` });
    const before = await fetch(`${b.base}/ideas/${idea.id}`, { headers: { Cookie: cookie } });
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("Izpēte");
    const moved = await move(a, cookie, { ideaId: idea.id, version: idea.version, stage: "define" });
    expect(moved.status).toBe(200);
    const after = await (await fetch(`${b.base}/ideas/${idea.id}`, { headers: { Cookie: cookie } })).text();
    expect(after).toContain("Problēmas definēšana");
  });

  test("50 simultaneous moves spread over both processes: none lost, no position taken twice, stale versions refused with 409; each notification e-mailed once", async () => {
    const [a, b] = servers;
    const cookies = [await signIn(a, facilitatorEmail), await signIn(b, facilitatorEmail)];
    const ideas = [];
    for (let i = 0; i < 50; i++) {
      const idea = await ideaInStage("discover", author.id, { title: `Kartīte K${i}K` });
      // The author's news of the setup's own moves is not what this test counts.
      await prisma.notification.deleteMany({ where: { ideaId: idea.id } });
      ideas.push(idea);
    }
    await ideaInStage("define", author.id, { title: "Jau definēta" }); // so that position 2 exists from the first move on
    const before = await column("define");
    const sentBefore = smtp.received.length;
    const movesBegan = new Date();
    const answers = await Promise.all(
      ideas.flatMap((idea, i) => {
        const server = servers[i % 2];
        const moves = [move(server, cookies[i % 2], { ideaId: idea.id, version: idea.version, stage: "define", position: (i % 2) + 1 })];
        // Every fifth card is also moved by someone holding the same (soon stale) version, through the other process.
        if (i % 5 === 0) moves.push(move(servers[(i + 1) % 2], cookies[(i + 1) % 2], { ideaId: idea.id, version: idea.version, stage: "define", position: 1 }));
        return moves;
      }),
    );
    const statuses = answers.map((r) => r.status);
    // Each contested card: one of its two moves won, the other was refused as stale.
    const tally = JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((t) => t === s).length])));
    expect(
      statuses.filter((s) => s === 200),
      `${tally} ${a.output().slice(-1500)} ${b.output().slice(-1500)}`,
    ).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const after = await column("define");
    expect(after).toHaveLength(before.length + 50);
    expect(new Set(after.map((c) => c.position)).size).toBe(after.length);
    const events = await prisma.event.count({ where: { ideaId: { in: ideas.map((i) => i.id) }, type: "MOVED", createdAt: { gte: movesBegan } } });
    expect(events).toBe(50);

    // Both processes run the mail job: the author is told of each move once, never twice.
    const notifications = await prisma.notification.count({ where: { userId: author.id, ideaId: { in: ideas.map((i) => i.id) } } });
    expect(notifications).toBe(50);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const pending = await prisma.notification.count({ where: { userId: author.id, mailedAt: null } });
      const unsent = await prisma.outboxMessage.count({ where: { status: "PENDING" } });
      if (pending === 0 && unsent === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = smtp.received.slice(sentBefore).filter((m) => (m.to && "text" in m.to ? m.to.text : "").includes(author.email));
    const outbox = await prisma.outboxMessage.findMany({ where: { to: author.email, createdAt: { gte: movesBegan } }, select: { status: true } });
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((m) => m.status === "SENT")).toBe(true);
    // Each message went out once (two processes sending one message would make more e-mails than messages)…
    expect(mails).toHaveLength(outbox.length);
    // …and each move is told in exactly one e-mail.
    for (let i = 0; i < 50; i++)
      expect(
        mails.filter((m) => String(m.text).includes(`K${i}K`)),
        `K${i}K`,
      ).toHaveLength(1);
  }, 120_000);

  test("two processes migrating an empty database at once apply each migration once", async () => {
    const name = `idealab_t_${process.env.TEST_RUN_ID}_empty_${randomBytes(4).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    try {
      const url = databaseOn(name);
      const migrateOnce = () =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
          child.on("exit", (code) => resolve(code ?? 1));
        });
      expect(await Promise.all([migrateOnce(), migrateOnce()])).toEqual([0, 0]);
      const db = createPrismaClient(url);
      try {
        const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
        expect(rows.map((r) => r.migration_name).sort()).toEqual(listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));
      } finally {
        await db.$disconnect();
      }
    } finally {
      await dropDatabase(name);
    }
  }, 60_000);

  test("one process killed in the middle of a burst: the other keeps serving, and no acknowledged write is lost", async () => {
    const [a, b] = servers;
    const cookies = [await signIn(a, facilitatorEmail), await signIn(b, facilitatorEmail)];
    const idea = await ideaInStage("discover", author.id, { title: "Komentāru vētra" });
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const comment = async (i: number) => {
      const body = `Komentārs ${i} ${randomBytes(3).toString("hex")}`;
      const server = servers[i % 2];
      try {
        const response = await fetch(`${server.base}/ideas/${idea.id}`, {
          method: "POST",
          headers: { Cookie: cookies[i % 2] },
          body: form({ formId: "comment", intent: "comment", body }),
          redirect: "manual",
        });
        if (response.status < 400) acknowledged.push(body);
        else refused.push(`${response.status} ${body}`);
      } catch {
        refused.push(`no answer ${body}`);
      }
    };
    const burst = [];
    for (let i = 0; i < 80; i++) {
      burst.push(comment(i));
      if (i === 40) a.child.kill("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(burst);
    // The survivor answered every request sent to it.
    const afterKill = await fetch(`${b.base}/ideas/${idea.id}`, { headers: { Cookie: cookies[1] } });
    expect(afterKill.status).toBe(200);
    expect(refused.every((r) => r.startsWith("no answer"))).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    const stored = new Set((await prisma.comment.findMany({ where: { ideaId: idea.id }, select: { body: true } })).map((c) => c.body));
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
  }, 60_000);
});
