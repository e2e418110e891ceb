// The graceful shutdown (#14), in a real child process: server/serve.js's main as server/index.js runs
// it (tests/factories/serve-child.ts: the test build with a slow route, the app's real background
// work and database) on a free port. SIGTERM: the request in flight still gets its 200, new
// connections are refused, an idle kept-alive connection is closed, the background work stops, the
// database is let go (SQLite then removes its write-ahead log), and the process exits 0.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { connect } from "../factories/server";
import { applyMigrations, openSqlite } from "~/utils/migrations.server";

type Line = Record<string, unknown> & { msg: string };

const children: ChildProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Starts the server process on a database of its own; resolves once it listens. */
async function startChild(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.resolve("tests/.tmp/shutdown-"));
  folders.push(dir);
  const file = path.join(dir, "app.db");
  const db = openSqlite(file);
  applyMigrations(db);
  db.close();

  const child = spawn(process.execPath, ["--import", "tsx", "tests/factories/serve-child.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Line[] = [];
  let stderr = "";
  let buffered = "";
  const waiters = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const complete = buffered.split("\n");
    buffered = complete.pop()!;
    for (const text of complete) if (text.trim()) lines.push(JSON.parse(text));
    for (const wake of waiters) wake();
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  /** The first line whose message starts with `start`, once written. */
  const lineStarting = (start: string, ms = 15_000) =>
    new Promise<Line>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => l.msg.startsWith(start));
        if (!line) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`No line "${start}" in ${JSON.stringify(lines)}; stderr: ${stderr}`));
      }, ms);
      waiters.add(check);
      check();
    });

  const port = (await lineStarting("Idea Lab is serving")).port as number;
  return { child, port, lines, lineStarting, exited, file, stderr: () => stderr };
}

/** Whether a new TCP connection to the port is refused. */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });

test(
  "SIGTERM: the request in flight finishes with 200, new connections are refused, idle ones closed, jobs stopped, database let go, exit 0",
  { timeout: 60_000 },
  async () => {
    const { child, port, lines, lineStarting, exited, file } = await startChild();
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // The background work ran at start (the mail job's first pass, the sweeps) and keeps the database in WAL mode.
    expect(existsSync(`${file}-wal`)).toBe(true);

    // An idle kept-alive connection, and a slow request in flight.
    const idle = connect(port);
    await idle.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect((await idle.waitFor(1))[0].headers.connection).toBe("keep-alive");
    const slow = fetch(`${base}/slow?ms=1500`).then(
      async (response) => ({ status: response.status, body: await response.text(), at: Date.now() }),
      (error: unknown) => ({ status: 0, body: String(error), at: Date.now() }),
    );
    await lineStarting("slow request begun");

    const signalled = Date.now();
    child.kill("SIGTERM");
    const started = await lineStarting("Shutdown: no new connections");
    expect(started).toMatchObject({ level: "info", signal: "SIGTERM", inFlight: 1, timeoutMs: 10_000 });

    expect(await refused(port)).toBe(true);
    // The idle connection is closed at once, long before the slow request ends.
    expect(await idle.waitClosed(1000)).toBe(true);

    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: "slept 1500" });
    expect(answer.at - signalled).toBeGreaterThan(1000);

    expect(await exited).toBe(0);
    const messages = lines.map((l) => l.msg);
    const order = [
      "Shutdown: no new connections; waiting for the requests in flight",
      "request",
      "Shutdown: the server is closed",
      "Shutdown: the background work has stopped",
      "Shutdown: the database is disconnected",
      "Shutdown: done",
    ];
    const positions = order.map((msg) => messages.lastIndexOf(msg));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines.find((l) => l.msg === "request" && l.route === "routes/slow")).toMatchObject({ status: 200 });
    expect(lines.find((l) => l.msg === "Shutdown: the server is closed")).toMatchObject({ cutShort: 0 });
    expect(lines.at(-1)).toMatchObject({ msg: "Shutdown: done", code: 0 });
    // SQLite folds its write-ahead log back and removes it when the last connection closes: Prisma let go.
    expect(existsSync(`${file}-wal`)).toBe(false);
  },
);

test("a request that outlasts SHUTDOWN_TIMEOUT_MS is cut off; the process still stops cleanly and exits 0", { timeout: 60_000 }, async () => {
  const { child, port, lines, lineStarting, exited } = await startChild({ SHUTDOWN_TIMEOUT_MS: "300" });
  const slow = fetch(`http://127.0.0.1:${port}/slow?ms=20000`).then(
    (response) => response.status,
    () => "cut off",
  );
  await lineStarting("slow request begun");
  const signalled = Date.now();
  child.kill("SIGTERM");
  expect(await slow).toBe("cut off");
  expect(await exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(5000);
  expect(lines.find((l) => l.msg.startsWith("Shutdown: time is up"))).toMatchObject({ level: "warn", connectionsLeft: 1, timeoutMs: 300 });
  expect(lines.find((l) => l.msg === "request" && l.route === "routes/slow")).toMatchObject({ aborted: true });
  expect(lines.at(-1)).toMatchObject({ msg: "Shutdown: done", code: 0 });
});

test("a setting that is wrong stops the process at start with a line saying which", { timeout: 60_000 }, async () => {
  for (const [env, message] of [
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN must be at least 16 characters"],
    [{ SHUTDOWN_TIMEOUT_MS: "ten seconds" }, "SHUTDOWN_TIMEOUT_MS must be a whole number"],
    [
      {
        OIDC_PROVIDERS: JSON.stringify([
          { id: "vk", name: { lv: "VK", en: "VK" }, issuer: "https://login.microsoftonline.com/common/v2.0", clientId: "a", clientSecret: "b" },
        ]),
      },
      'OIDC_PROVIDERS, provider 1 ("vk"): issuer: use the tenant\'s own issuer',
    ],
    [{ NODE_ENV: "production", SESSION_SECRET: "a-secret-of-at-least-16", IDEALAB_DEMO_OIDC: "1" }, "IDEALAB_DEMO_OIDC is for a workstation"],
  ] as const) {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/factories/serve-child.ts"], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    const line = JSON.parse(out.trim().split("\n").at(-1)!);
    expect(line).toMatchObject({ level: "fatal" });
    expect(line.msg).toContain(message);
    expect(line.msg).toContain("Refusing to start.");
  }
});
