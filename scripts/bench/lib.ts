// Shared helpers of the bench scripts: a scratch database on either engine, the built server, timed
// requests, and the side-by-side table of the two engines' figures.
//
// Engines: `--engine sqlite`, `--engine postgresql` or `--engine both` (or BENCH_ENGINE=…). Without
// one, a bench runs on SQLite, and on PostgreSQL too when the server answers: the server of
// BENCH_POSTGRES_URL, else of DATABASE_URL when it is postgresql://…, else postgresql://postgres@127.0.0.1:5432/postgres.
// Only that URL's server and credentials are used: each bench drops and creates databases of its own
// there, named idealab_bench_<name>, and never touches the database the URL names.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { loadavg } from "node:os";
import http from "node:http";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import type { Db } from "../../app/utils/db.server";
import { type Engine, engineOf, postgresAnswers } from "../../app/utils/engine.server";
import { applyMigrations, migrate, openSqlite } from "../../app/utils/migrations.server";

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

export const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** The PostgreSQL server the benches create their databases on (see the top of this file). */
export function postgresServerUrl() {
  const candidates = [process.env.BENCH_POSTGRES_URL, process.env.DATABASE_URL];
  return candidates.find((url) => url && /^postgres(ql)?:\/\//.test(url)) ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}
// Read once, before a bench points DATABASE_URL at its scratch databases.
const POSTGRES_SERVER = postgresServerUrl();

/** The URL of the database `name` on the bench's PostgreSQL server (same host, port and credentials). */
export function postgresBenchUrl(name: string) {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/idealab_bench_${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`;
  return url.toString();
}

/** The value of `--name value` (or `--name=value`) on the command line. */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes("=") ? args[at].slice(args[at].indexOf("=") + 1) : args[at + 1];
}

/**
 * The engines to run on: `--engine sqlite|postgresql|both` or BENCH_ENGINE; by default SQLite, and
 * PostgreSQL as well when its server answers (both, and PostgreSQL required, when DATABASE_URL is postgresql://…).
 */
export async function benchEngines(): Promise<Engine[]> {
  const asked = flag("engine") ?? process.env.BENCH_ENGINE ?? (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "both" : "auto");
  const wanted: Engine[] | "auto" =
    asked === "auto" ? "auto" : asked === "both" ? ["sqlite", "postgresql"] : asked === "sqlite" || asked === "postgresql" ? [asked] : [];
  if (wanted !== "auto" && wanted.length === 0) throw new Error(`--engine must be sqlite, postgresql or both, not ${JSON.stringify(asked)}`);
  const server = new URL(POSTGRES_SERVER);
  const shown = `postgresql://${server.host}`;
  if (wanted !== "auto" && !wanted.includes("postgresql")) return wanted;
  if (await postgresAnswers(POSTGRES_SERVER, 2000)) return wanted === "auto" ? ["sqlite", "postgresql"] : wanted;
  if (wanted !== "auto") throw new Error(`PostgreSQL does not answer at ${shown} (set BENCH_POSTGRES_URL, or run with --engine sqlite)`);
  console.log(`PostgreSQL does not answer at ${shown}: SQLite only (BENCH_POSTGRES_URL names another server).`);
  return ["sqlite"];
}

/** The machine's load average (1, 5 and 15 minutes), to print beside figures that a busy machine skews. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

/**
 * A fresh, migrated scratch database `name` on `engine`, which DATABASE_URL then names (for the
 * app's modules this process imports; call `switchDatabase` to switch between two). Returns its URL.
 */
export async function benchDatabase(name: string, engine: Engine): Promise<string> {
  if (engine === "sqlite") {
    const url = `file:${scratchDatabase(name)}`;
    await switchDatabase(url);
    return url;
  }
  const url = postgresBenchUrl(name);
  const database = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  await migrate(url);
  await switchDatabase(url);
  return url;
}

/** Closes the app's shared client of this process (made afresh, for DATABASE_URL, on next use). */
export async function releaseDatabase() {
  const shared = globalThis as { __prisma?: Db };
  await shared.__prisma?.$disconnect();
  shared.__prisma = undefined;
}

/** Points DATABASE_URL (and the app's shared client, made afresh on next use) at `url`. */
export async function switchDatabase(url: string) {
  await releaseDatabase();
  process.env.DATABASE_URL = url;
}

/**
 * After rows were written outside Prisma with their own ids: on PostgreSQL each id sequence is set
 * to continue after the table's largest id (and checked), then the tables are vacuumed and analysed,
 * as autovacuum leaves a database in use; nothing on SQLite. Returns the tables whose sequences it set.
 */
export async function finishSeeding(url: string): Promise<string[]> {
  if (engineOf(url) !== "postgresql") return [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string; column: string }>(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { table, column } of rows) {
      const { rows: found } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence($1, $2) AS sequence`, [`"${table}"`, column]);
      const sequence = found[0].sequence;
      await client.query(`SELECT setval($1, (SELECT COALESCE(MAX("${column}"), 0) + 1 FROM "${table}"), false)`, [sequence]);
      const { rows: check } = await client.query<{ next: string; max: string | null }>(
        `SELECT s.last_value AS next, (SELECT MAX("${column}") FROM "${table}") AS max FROM ${sequence} s WHERE NOT s.is_called`,
      );
      if (check.length !== 1 || Number(check[0].next) !== Number(check[0].max ?? 0) + 1) {
        throw new Error(`The sequence of ${table}.${column} does not continue after its rows`);
      }
    }
    await client.query("VACUUM ANALYZE");
    return rows.map((r) => r.table);
  } finally {
    await client.end();
  }
}

/** A port no process listens on now (the system's pick), so that benches running at once do not answer each other's requests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production build on a port of its own (0: a free one), as production runs it (`npm run
 * serve`, with its heap limit, a JSON log line per request). `database` is a SQLite file or a URL.
 * The server's log goes to data/bench-server-<port>.log (`log`), read when something fails.
 */
export async function startServer(database: string, wantedPort: number): Promise<{ base: string; pid: number; log: string; stop: () => Promise<void> }> {
  const port = wantedPort || (await freePort());
  const url = /^(file:|postgres(ql)?:\/\/)/.test(database) ? database : `file:${database}`;
  const log = path.resolve("data", `bench-server-${port}.log`);
  mkdirSync(path.dirname(log), { recursive: true });
  const logFd = openSync(log, "w");
  const child: ChildProcess = spawn(process.execPath, ["--max-old-space-size=256", "server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "bench-secret-bench-secret-bench",
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    // A file, not a pipe: a pipe nobody reads would stop the server once full.
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A log with nothing above info is removed once the server has stopped; one with warnings or errors stays, and is named.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    if (/"level":"(warn|error|fatal)"/.test(readFileSync(log, "utf8"))) console.error(`The server on port ${port} logged warnings or errors: ${log}`);
    else rmSync(log, { force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      // Another process on the port would answer too: only a live child counts.
      if ((await fetch(`${base}/healthz`)).ok && child.exitCode === null) return { base, pid: child.pid!, log, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not start on port ${port}; its output is in ${log}`);
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

/** Times sequential GETs of a page (after `warmUp` untimed ones) and prints the median and 95th percentile. */
export async function timeRequests(label: string, url: string, cookie: string, count = 50, warmUp = 5) {
  const [row] = await timeRequestsOn(label, [{ url, cookie }], count, warmUp);
  return row;
}

/**
 * Times sequential GETs of a page on each server of `targets` taking turns (the order swapped each
 * round, after `warmUp` untimed rounds), so that every server sees the same machine; prints and
 * returns each one's median and 95th percentile (a line each, named by `name`).
 */
export async function timeRequestsOn(label: string, targets: { name?: string; url: string; cookie: string }[], count = 50, warmUp = 5) {
  const get = async ({ url, cookie }: { url: string; cookie: string }) => {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
    return { ms, bytes: Buffer.byteLength(body) };
  };
  for (let i = 0; i < warmUp; i++) for (const target of targets) await get(target);
  const samples = targets.map(() => [] as number[]);
  const bytes = targets.map(() => 0);
  for (let i = 0; i < count; i++) {
    const order = targets.map((_, k) => k);
    for (const k of i % 2 ? order.reverse() : order) {
      const sample = await get(targets[k]);
      samples[k].push(sample.ms);
      bytes[k] = sample.bytes;
    }
  }
  return targets.map((target, k) => {
    const sorted = samples[k].sort((a, b) => a - b);
    const row = {
      label,
      requests: count,
      median_ms: +percentile(sorted, 50).toFixed(1),
      p95_ms: +percentile(sorted, 95).toFixed(1),
      html_kb: +(bytes[k] / 1024).toFixed(1),
    };
    const name = target.name ? `${target.name.padEnd(11)}` : "";
    console.log(
      `${row.label.padEnd(target.name ? 51 : 44)} ${name}median ${String(row.median_ms).padStart(6)} ms   p95 ${String(row.p95_ms).padStart(6)} ms   ${row.html_kb} KB`,
    );
    return row;
  });
}

/** One figure of a bench on each engine, with its target: each engine's value against a bound, PostgreSQL's against SQLite's. */
export type Figure = {
  label: string;
  values: Partial<Record<Engine, number>>;
  decimals?: number;
  unit?: string;
  /** Bounds each engine's value must keep (`note` says whose target it is). */
  bounds?: { atMost?: number; atLeast?: number; note?: string }[];
  /** PostgreSQL's value divided by SQLite's must be at most this (latency: within 1.5×). */
  ratioAtMost?: number;
};

const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** Prints the figures of every engine side by side, with PostgreSQL's over SQLite's and the targets met (✓) or not (✗). */
export function printComparison(title: string, figures: Figure[]) {
  const engines = (["sqlite", "postgresql"] as const).filter((e) => figures.some((f) => f.values[e] !== undefined));
  const both = engines.length === 2;
  const labelWidth = Math.max(title.length, ...figures.map((f) => f.label.length)) + 2;
  const head = [title.padEnd(labelWidth), ...engines.map((e) => ENGINE_NAMES[e].padStart(11)), both ? "PG/SQLite".padStart(10) : "", "   target"];
  console.log(head.join(""));
  for (const f of figures) {
    const shown = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(f.decimals ?? 1));
    const cells = engines.map((e) => shown(f.values[e]).padStart(11));
    const sqlite = f.values.sqlite;
    const postgres = f.values.postgresql;
    const ratio = sqlite !== undefined && postgres !== undefined && sqlite > 0 ? postgres / sqlite : undefined;
    const targets: string[] = [];
    const present = engines.map((e) => f.values[e]).filter((v): v is number => v !== undefined);
    const unit = f.unit ? ` ${f.unit}` : "";
    for (const { atMost, atLeast, note } of f.bounds ?? []) {
      const suffix = note ? ` (${note})` : "";
      if (atMost !== undefined) targets.push(`≤ ${atMost}${unit}${suffix} ${present.map((v) => mark(v <= atMost)).join("")}`);
      if (atLeast !== undefined) targets.push(`≥ ${atLeast}${unit}${suffix} ${present.map((v) => mark(v >= atLeast)).join("")}`);
    }
    if (ratio !== undefined && f.ratioAtMost !== undefined) targets.push(`PG ≤ ${f.ratioAtMost}× SQLite ${mark(ratio <= f.ratioAtMost)}`);
    console.log(
      [f.label.padEnd(labelWidth), ...cells, both ? (ratio === undefined ? "—" : ratio.toFixed(2)).padStart(10) : "", "   " + targets.join("; ")].join(""),
    );
  }
}

/**
 * The key lines of a statement's plan, after running it twice (warm caches). SQLite: EXPLAIN QUERY
 * PLAN (`sql` with `?`), then the median time of 5 runs in this process. PostgreSQL: EXPLAIN ANALYZE
 * (`sql` with `$1`…), the run of median time of three: the top node, each scan once (the pages of a
 * UNION as one) with how often it ran, the rows it returned (and removed by a filter), and the time.
 */
export async function planOf(url: string, sql: string, values: unknown[]): Promise<string[]> {
  if (engineOf(url) === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      const args = values.map((v) => (typeof v === "boolean" ? Number(v) : v));
      // The same step in each page of a UNION (page0, page1…, subquery 1, 2…) is one entry, with how often it appears.
      const steps = new Map<string, number>();
      for (const { detail } of db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]) {
        const step = detail.replace(/\bpage\d+\b/g, "page#").replace(/SUBQUERY \d+/g, "SUBQUERY");
        steps.set(step, (steps.get(step) ?? 0) + 1);
      }
      const plan = [...steps].map(([step, times]) => (times > 1 ? `${step} ×${times}` : step));
      const statement = db.prepare(sql);
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        statement.all(...args);
        if (i >= 2) times.push(performance.now() - started);
      }
      return [
        ...plan,
        `run: ${percentile(
          times.sort((a, b) => a - b),
          50,
        ).toFixed(3)} ms (median of 5)`,
      ];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 2; i++) await client.query(sql, values);
    // One run's time is noisy on a busy machine: the plan of the median of three runs.
    const runs: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, values);
      runs.push(rows.map((r) => r["QUERY PLAN"]));
    }
    const time = (plan: string[]) => Number(plan.find((l) => l.startsWith("Execution Time"))?.match(/[\d.]+/)?.[0] ?? 0);
    return summarizePostgresPlan(runs.sort((a, b) => time(a) - time(b))[1]);
  } finally {
    await client.end();
  }
}

const SCAN = /^(Parallel )?(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan|Subquery Scan|CTE Scan|Function Scan)/;

function summarizePostgresPlan(lines: string[]): string[] {
  const nodes = new Map<string, { times: number; loops: number; rows: number; removed: number }>();
  let last: { removed: number } | undefined;
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim().replace(/^->\s+/, "");
    const actual = line.match(/^(.*?) \(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)$/);
    const removed = line.match(/^Rows Removed by (Filter|Index Recheck): (\d+)/);
    if (removed && last) last.removed += Number(removed[2]);
    if (!actual) {
      if (/^(Execution Time|Sort Method)/.test(line)) out.push(line);
      continue;
    }
    const [, described, rows, loops] = actual;
    // The same scan in each page of a UNION ("i", "i_1", "i_2"…) is one line.
    const node = described.replace(/ ([a-z]+)_\d+$/, " $1");
    if (out.length === 0) out.push(`top: ${node} (${rows} rows)`);
    if (!SCAN.test(node) || node.startsWith("Subquery Scan")) {
      last = undefined;
      continue;
    }
    const seen = nodes.get(node) ?? { times: 0, loops: 0, rows: 0, removed: 0 };
    seen.times++;
    seen.loops += Number(loops);
    seen.rows += Number(rows) * Number(loops);
    nodes.set(node, seen);
    last = seen;
  }
  const scans = [...nodes].map(
    ([node, n]) =>
      `${node}${n.times > 1 ? ` ×${n.times}` : ""}: ${n.loops} loop${n.loops === 1 ? "" : "s"}, ${n.rows} rows${n.removed ? `, ${n.removed} removed by filter` : ""}`,
  );
  const others = new Map<string, number>();
  for (const line of out.slice(1)) others.set(line, (others.get(line) ?? 0) + 1);
  return [out[0], ...scans, ...[...others].map(([line, times]) => (times > 1 ? `${line} ×${times}` : line))];
}

/**
 * The statements Prisma sends while `run` runs against the database at `url` (through the app's
 * shared client, replaced by a logging one for the while), with their values, for `planOf`.
 */
export async function capturePrismaQueries(url: string, run: () => Promise<unknown>): Promise<{ query: string; params: unknown[] }[]> {
  const queries: { query: string; params: unknown[] }[] = [];
  const log = [{ emit: "event" as const, level: "query" as const }];
  type LoggingClient = { $on(event: "query", listener: (e: { query: string; params: string }) => void): void; $disconnect(): Promise<void> };
  let client: LoggingClient;
  if (engineOf(url) === "postgresql") {
    const { PrismaClient } = await import("../../app/generated/prisma-postgresql/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log }) as unknown as LoggingClient;
  } else {
    const { PrismaClient } = await import("../../app/generated/prisma/client");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }), log }) as unknown as LoggingClient;
  }
  client.$on("query", (e) => queries.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  const shared = globalThis as { __prisma?: Db };
  const previous = shared.__prisma;
  shared.__prisma = client as unknown as Db;
  try {
    await run();
  } finally {
    shared.__prisma = previous;
    await client.$disconnect();
  }
  return queries;
}

/** A small, fast, repeatable random source (mulberry32), so that every run, on either engine, seeds the same data. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds `count` ideas with principles and submission events (50 users across the institutions).
 * `stageFor(i)` picks each active idea's stage; by default they spread over every stage.
 */
export async function seedBenchIdeas(prisma: Db, count: number, stageFor?: (i: number, stages: { id: number; key: string }[]) => { id: number } | null) {
  const rnd = random(count);
  const randomInt = (n: number) => Math.floor(rnd() * n);
  const { foldForSearch } = await import("../../app/utils/text");
  const { hashPassword } = await import("../../app/utils/password.server");
  const institutions = await prisma.institution.findMany({ orderBy: { id: "asc" } });
  const stages = await prisma.stage.findMany({ orderBy: { position: "asc" } });
  const principles = await prisma.principle.findMany({ orderBy: { id: "asc" } });
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
  const users = await prisma.user.findMany({ select: { id: true }, orderBy: { id: "asc" } });
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
        searchText: foldForSearch([title, summary, problem, solution, "Iedzīvotāji un uzņēmēji."].join("\n")),
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
  const ids = (await prisma.idea.findMany({ select: { id: true, status: true, stageId: true, createdAt: true }, orderBy: { id: "asc" } })) as {
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

const agent = new http.Agent({ keepAlive: true });

/**
 * One GET with Accept-Encoding: gzip, as a browser sends it: the time to the last byte, the page
 * unpacked, and its size on the wire (gzipped, measured by packing it when the server did not).
 */
export function getGzip(url: string, cookie: string): Promise<{ ms: number; status: number; gzBytes: number; bytes: number; html: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Cookie: cookie, "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const gzipped = res.headers["content-encoding"] === "gzip";
          const body = gzipped ? gunzipSync(raw) : raw;
          const gzBytes = gzipped ? raw.length : gzipSync(raw).length;
          resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, gzBytes, bytes: body.length, html: body.toString("utf8") });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Lets the process end: closes the kept-alive connections of getGzip. */
export const closeBenchAgent = () => agent.destroy();

/**
 * Times one page on each engine's server, the engines taking turns (the order flips each round so
 * neither always goes first): `warmUp` rounds, then `samples` timed ones, through getGzip. Gives each
 * engine's median and 95th percentile and the page's size.
 */
export async function timeInTurns(
  servers: Map<Engine, { base: string; log: string }>,
  cookies: Map<Engine, string>,
  path: string,
  { warmUp, samples, what = path }: { warmUp: number; samples: number; /** How a failure names the request. */ what?: string },
) {
  const engines = [...servers.keys()];
  const times = new Map<Engine, number[]>(engines.map((e) => [e, []]));
  const sizes = new Map<Engine, { gzBytes: number; bytes: number }>();
  for (let round = 0; round < warmUp + samples; round++) {
    const order = round % 2 ? [...engines].reverse() : engines;
    for (const engine of order) {
      const got = await getGzip(`${servers.get(engine)!.base}${path}`, cookies.get(engine)!);
      if (got.status !== 200) throw new Error(`${ENGINE_NAMES[engine]} ${what}: ${got.status} (the server's log: ${servers.get(engine)!.log})`);
      if (round >= warmUp) times.get(engine)!.push(got.ms);
      sizes.set(engine, got);
    }
  }
  return new Map(
    engines.map((engine) => {
      const sorted = times.get(engine)!.sort((a, b) => a - b);
      const { gzBytes, bytes } = sizes.get(engine)!;
      return [engine, { median: percentile(sorted, 50), p95: percentile(sorted, 95), gzBytes, bytes }] as const;
    }),
  );
}
