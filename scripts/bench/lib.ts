// Shared helpers of the bench scripts: a scratch database, the built server, timed requests.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { applyMigrations, openSqlite } from "../../app/utils/migrations.server";

export function scratchDatabase(name: string) {
  const file = path.resolve("data", `bench-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
  const sqlite = openSqlite(file);
  applyMigrations(sqlite);
  sqlite.close();
  return file;
}

/** Starts the production build on a port of its own, as production runs it. */
export async function startServer(databaseFile: string, port: number): Promise<{ base: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ["server/index.js"], {
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
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop: () => child.kill("SIGTERM") };
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
  const row = { label, requests: count, median_ms: +percentile(samples, 50).toFixed(1), p95_ms: +percentile(samples, 95).toFixed(1), html_kb: +(bytes / 1024).toFixed(1) };
  console.log(`${row.label.padEnd(44)} median ${String(row.median_ms).padStart(6)} ms   p95 ${String(row.p95_ms).padStart(6)} ms   ${row.html_kb} KB`);
  return row;
}
