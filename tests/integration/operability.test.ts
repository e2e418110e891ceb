// Operability (#14): the request's log line (its fields, and nothing about the person but their
// number), the request id, /readyz, and /metrics behind its token. The real server application
// (server/app.js) on a port, around a small build whose routes use the app's real sign-in check,
// readiness check and metrics, on this test file's database.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createApp, createServer } from "../../server/app.js";
import { createLogger } from "../../server/logger.js";
import { connect, testBuild } from "../factories/server";
import { signedIn } from "../factories/user";
import { runMailPass } from "~/modules/mail/jobs.server";
import { every } from "~/modules/system/background.server";
import { metricsRegistry } from "~/modules/system/metrics.server";
import { requireUser } from "~/utils/auth.server";
import { createPrismaClient, prisma, type Db } from "~/utils/db.server";
import { checkReadiness } from "~/utils/health.server";
import { engineOf } from "~/utils/engine.server";
import { listMigrations, migrationsDirOf } from "~/utils/migrations.server";
import { runWithRequestContext } from "~/utils/request-context.server";

type Line = Record<string, unknown>;
const TOKEN = "metrics-token-for-the-tests-0123456789";

/** The build: the test build's routes, an idea's page that needs a signed-in person and shows their name, and the app's probes. */
function buildWith(readiness: () => Promise<{ ok: boolean }> = () => checkReadiness()) {
  const route = (id: string, path: string, module: Record<string, unknown>) => ({ id, parentId: "root", path, module });
  return {
    ...testBuild,
    entry: {
      module: {
        ...testBuild.entry.module,
        // A page that does not exist is a 404, as the app's document answers it.
        default: (_request: Request, status: number) => new Response("page", { status }),
        runWithRequestContext,
        checkReadiness: readiness,
        metricsRegistry,
      },
    },
    routes: {
      ...testBuild.routes,
      "routes/ideas.$id": route("routes/ideas.$id", "ideas/:id", {
        loader: async ({ request }: { request: Request }) => {
          const user = await requireUser(request);
          return new Response(`Idea for ${user.name} <${user.email}>`);
        },
      }),
    },
  } as unknown as ServerBuild;
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** Starts createApp with a logger whose lines are kept; returns the base URL, the lines and the app. */
async function start(options: { metricsToken?: string; readiness?: () => Promise<{ ok: boolean }> } = {}) {
  const lines: Line[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  const app = createApp({ build: buildWith(options.readiness), logger, metricsToken: options.metricsToken });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const port = (server.address() as AddressInfo).port;
  /** The request line of the request with this id, once written. */
  const lineOf = async (requestId: string) => {
    for (let i = 0; i < 100; i++) {
      const line = lines.find((l) => l.msg === "request" && l.requestId === requestId);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`No request line for ${requestId}: ${JSON.stringify(lines)}`);
  };
  return { base: `http://127.0.0.1:${port}`, port, lines, app, lineOf };
}

describe("the request's log line", () => {
  test("one JSON line with the id, method, route id, status, duration and the signed-in user's number; no name, e-mail, idea id or query", async () => {
    const { base, lines, lineOf } = await start();
    const person = await signedIn({ name: "Anna Bērziņa", email: "anna.berzina@example.lv" });
    const response = await fetch(`${base}/ideas/987654321?q=secret-search&token=abc`, { headers: { Cookie: person.cookie } });
    expect(response.status).toBe(200);
    // The page shows the person; the log does not.
    expect(await response.text()).toContain("Anna Bērziņa");
    const requestId = response.headers.get("X-Request-Id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await lineOf(requestId);
    expect(line).toMatchObject({ level: "info", msg: "request", requestId, method: "GET", route: "routes/ideas.$id", status: 200, userId: person.id });
    expect(typeof line.durationMs).toBe("number");
    expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(typeof line.time).toBe("string");
    const text = JSON.stringify(lines);
    for (const secret of ["Anna", "anna.berzina", "example.lv", "987654321", "secret-search", "token=abc", person.cookie.split("=")[1]]) {
      expect(text).not.toContain(secret);
    }
  });

  test("an anonymous request has no user id; a refused one still names its route and status", async () => {
    const { base, lineOf } = await start();
    const response = await fetch(`${base}/ideas/7`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const line = await lineOf(response.headers.get("X-Request-Id")!);
    expect(line).toMatchObject({ route: "routes/ideas.$id", status: 302, method: "GET" });
    expect(line).not.toHaveProperty("userId");

    const crossSite = await fetch(`${base}/ideas/7`, { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "text/plain" }, body: "x" });
    expect(crossSite.status).toBe(403);
    expect(await lineOf(crossSite.headers.get("X-Request-Id")!)).toMatchObject({ route: "routes/ideas.$id", status: 403, method: "POST" });
  });

  test("static files are 'static', a route's single-fetch data path is its route, a 5xx is a warning (the error has its own line)", async () => {
    const { base, lineOf } = await start();
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(await lineOf(icon.headers.get("X-Request-Id")!)).toMatchObject({ route: "static", status: 200 });

    const data = await fetch(`${base}/whoami.data`);
    expect(await lineOf(data.headers.get("X-Request-Id")!)).toMatchObject({ route: "routes/whoami" });

    const boom = await fetch(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(await lineOf(boom.headers.get("X-Request-Id")!)).toMatchObject({ level: "warn", route: "routes/boom", status: 500 });
  });

  test("a sane incoming X-Request-Id is kept and sent back; anything else is replaced by a new one", async () => {
    const { base, lineOf } = await start();
    for (const sane of ["req-1234.abc", "1-67891233-abcdef012345678912345678", "f47ac10b-58cc-4372-a567-0e02b2c3d479"]) {
      const response = await fetch(`${base}/whoami`, { headers: { "X-Request-Id": sane } });
      expect(response.headers.get("X-Request-Id")).toBe(sane);
      expect(await lineOf(sane)).toMatchObject({ route: "routes/whoami" });
    }
    for (const odd of ["has space", 'quote"d', "x".repeat(129), "<script>", "a\tb", "semi;colon", '{"json":1}']) {
      const response = await fetch(`${base}/whoami`, { headers: { "X-Request-Id": odd } });
      const given = response.headers.get("X-Request-Id")!;
      expect(given).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await lineOf(given)).toMatchObject({ requestId: given });
    }
  });

  test("what the app logs while handling a request carries that request's id", async () => {
    const lines: Line[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    const build = {
      ...testBuild,
      routes: {
        ...testBuild.routes,
        "routes/echo": {
          id: "routes/echo",
          parentId: "root",
          path: "echo",
          module: {
            action: async ({ request }: { request: Request }) => {
              await request.arrayBuffer();
              logger.warn("something worth a line");
              return new Response("ok");
            },
          },
        },
      },
    } as unknown as ServerBuild;
    const server = createServer(createApp({ build, logger }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stop = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    const { port } = server.address() as AddressInfo;
    // A form post: the body is read in the socket's callbacks before the app runs.
    const response = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: "POST",
      body: "a=1",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Request-Id": "post-1" },
    });
    expect(response.status).toBe(200);
    expect(lines.find((l) => l.msg === "something worth a line")).toMatchObject({ level: "warn", requestId: "post-1" });
  });
});

describe("/readyz", () => {
  test("200 when the database answers and has every migration; never cached, no session", async () => {
    const { base, lineOf } = await start();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "ok", migrations: "ok" });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    // A probe's line is at debug level, so that it does not fill the log.
    expect(await lineOf(response.headers.get("X-Request-Id")!)).toMatchObject({ level: "debug", route: "readyz", status: 200 });
  });

  test("503 naming the migration when the database lacks one (its row missing, or started and never finished)", async () => {
    const { base } = await start();
    const last = listMigrations(migrationsDirOf(engineOf())).at(-1)!.name;
    const [row] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "_prisma_migrations" WHERE migration_name = ${last}`;
    expect(row).toBeDefined();
    const putBack = (finishedAt: unknown) =>
      prisma.$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
        VALUES (${row.id}, ${row.checksum}, ${finishedAt}, ${last}, ${row.logs}, ${row.rolled_back_at}, ${row.started_at}, ${row.applied_steps_count})`;
    try {
      await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last}`;
      const missing = await fetch(`${base}/readyz`);
      expect(missing.status).toBe(503);
      expect(await missing.json()).toMatchObject({ ok: false, database: "ok", migrations: "pending", pending: [last] });

      await putBack(null);
      const unfinished = await fetch(`${base}/readyz`);
      expect(unfinished.status).toBe(503);
      expect(await unfinished.json()).toMatchObject({ pending: [last] });
    } finally {
      await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last}`;
      await putBack(row.finished_at);
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  test("503 when the database cannot be reached, or does not answer in time; an empty database has every migration pending", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "readyz-"));
    // A folder where the database file should be: it cannot be opened.
    const unreachable = createPrismaClient(`file:${dir}`);
    const { base } = await start({ readiness: () => checkReadiness({ db: unreachable, engine: "sqlite" }) });
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: "unavailable" });
    await unreachable.$disconnect();

    // PostgreSQL where nothing listens.
    const nobody = createPrismaClient("postgresql://idealab@127.0.0.1:1/idealab");
    expect(await checkReadiness({ db: nobody, engine: "postgresql" })).toMatchObject({ ok: false, database: "unavailable" });
    await nobody.$disconnect();

    const hanging = { $queryRawUnsafe: () => new Promise(() => {}) } as unknown as Db;
    const started = Date.now();
    expect(await checkReadiness({ db: hanging, timeoutMs: 100 })).toMatchObject({ ok: false, database: "unavailable" });
    expect(Date.now() - started).toBeLessThan(1000);

    const empty = createPrismaClient(`file:${path.join(dir, "empty.db")}`);
    const readiness = await checkReadiness({ db: empty, engine: "sqlite" });
    expect(readiness).toMatchObject({ ok: false, database: "ok", migrations: "pending" });
    expect(readiness.ok === false && "pending" in readiness && readiness.pending).toEqual(listMigrations().map((m) => m.name));
    await empty.$disconnect();
  });

  test("503 once the process is shutting down, with an answer that closes the connection", async () => {
    const { base, app } = await start();
    app.locals.draining = true;
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, shuttingDown: true });
    expect(response.headers.get("Connection")).toBe("close");
  });
});

describe("/metrics", () => {
  const scrape = (base: string, authorization?: string) => fetch(`${base}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });

  test("without METRICS_TOKEN there is no /metrics: the app's 404, whatever the request carries", async () => {
    const { base } = await start();
    const response = await scrape(base, `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    const nothing = await fetch(`${base}/no-such-page`);
    expect(await response.text()).toBe(await nothing.text());
  });

  test("with a token: 404 without it or with a wrong one, 200 with the right one", async () => {
    const { base } = await start({ metricsToken: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, "Bearer ", `Bearer ${TOKEN} extra`]) {
      const response = await scrape(base, authorization);
      expect(response.status, String(authorization)).toBe(404);
      expect(await response.text()).toBe("page");
    }
    const response = await scrape(base, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/plain");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    for (const name of [
      "http_request_duration_seconds_bucket",
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "idealab_mail_queue_length",
      "idealab_mail_queue_oldest_age_seconds",
      'idealab_job_runs_total{job="mail"}',
      'idealab_job_failures_total{job="housekeeping"}',
      'idealab_job_last_success_timestamp_seconds{job="reactions"}',
    ]) {
      expect(text).toContain(name);
    }
    // The refused scrapes above are counted as the 404s they were, under the route they met.
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 7/);
    expect((await scrape(base, `bearer ${TOKEN}`)).status).toBe(200);
  });

  test("request durations by method, route and status", async () => {
    const { base } = await start({ metricsToken: TOKEN });
    await fetch(`${base}/whoami`);
    await fetch(`${base}/whoami`);
    await fetch(`${base}/boom`);
    await fetch(`${base}/ideas/5`, { redirect: "manual" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await (await scrape(base, `Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="routes\/whoami",status_code="200"\} 2\n/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="routes\/boom",status_code="500"\} 1\n/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="routes\/ideas.\$id",status_code="302"\} 1\n/);
    expect(text).not.toContain("/ideas/5");
  });

  test("the database pool: PostgreSQL's connections by state and the queries waiting; nothing made up on SQLite", async () => {
    const { base } = await start({ metricsToken: TOKEN });
    await prisma.stage.count();
    const text = await (await scrape(base, `Bearer ${TOKEN}`)).text();
    expect(text).toContain("# TYPE idealab_db_pool_connections gauge");
    const busy = /^idealab_db_pool_connections\{state="busy"\} (\d+)$/m.exec(text)?.[1];
    const idle = /^idealab_db_pool_connections\{state="idle"\} (\d+)$/m.exec(text)?.[1];
    if (engineOf() === "postgresql") {
      // The test's client holds at least the connection it just used.
      expect(Number(busy) + Number(idle)).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^idealab_db_pool_waiting \d+$/m);
    } else {
      expect(busy).toBeUndefined();
      expect(idle).toBeUndefined();
      expect(text).toMatch(/^idealab_db_pool_waiting 0$/m);
    }
  });

  test("the mail queue: how many e-mails wait for the job and how long the oldest has waited", async () => {
    const { base } = await start({ metricsToken: TOKEN });
    const message = { to: "someone@example.lv", locale: "lv", kind: "INSTANT", subject: "s", text: "t" } as const;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await prisma.outboxMessage.createMany({
      data: [
        { ...message, status: "PENDING", createdAt: minutesAgo(5) },
        { ...message, status: "PENDING", createdAt: minutesAgo(1) },
        // Not waiting for the job: sent, given up, or a set-password link (sent by its request, never by the job).
        { ...message, status: "SENT", createdAt: minutesAgo(60) },
        { ...message, status: "FAILED", createdAt: minutesAgo(60) },
        { ...message, kind: "SET_PASSWORD", status: "PENDING", createdAt: minutesAgo(60) },
      ],
    });
    try {
      const text = await (await scrape(base, `Bearer ${TOKEN}`)).text();
      expect(text).toMatch(/^idealab_mail_queue_length 2$/m);
      const age = Number(/^idealab_mail_queue_oldest_age_seconds (\S+)$/m.exec(text)?.[1]);
      expect(age).toBeGreaterThanOrEqual(300);
      expect(age).toBeLessThan(330);
    } finally {
      await prisma.outboxMessage.deleteMany({});
    }
    const empty = await (await scrape(base, `Bearer ${TOKEN}`)).text();
    expect(empty).toMatch(/^idealab_mail_queue_length 0$/m);
    expect(empty).toMatch(/^idealab_mail_queue_oldest_age_seconds 0$/m);
  });

  test("the background jobs' runs and failures are counted where they run", async () => {
    const value = async (name: string, job: string) => {
      const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name)!;
      return metric.values.find((v) => v.labels.job === job)?.value ?? 0;
    };
    const mailRuns = await value("idealab_job_runs_total", "mail");
    await runMailPass();
    expect(await value("idealab_job_runs_total", "mail")).toBe(mailRuns + 1);
    expect(await value("idealab_job_last_success_timestamp_seconds", "mail")).toBeGreaterThan(Date.now() / 1000 - 5);

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const runs = await value("idealab_job_runs_total", "housekeeping");
      const failures = await value("idealab_job_failures_total", "housekeeping");
      const stopSweep = every("housekeeping", 60_000, () => Promise.reject(new Error("the disk is full")), "Pruning failed");
      await stopSweep();
      expect(await value("idealab_job_runs_total", "housekeeping")).toBe(runs + 1);
      expect(await value("idealab_job_failures_total", "housekeeping")).toBe(failures + 1);
      expect(logged).toHaveBeenCalledWith("Pruning failed", expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  });
});

test("a kept-alive connection still open when the process starts shutting down is told to close", async () => {
  const { port, app } = await start();
  const connection = connect(port);
  await connection.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  expect((await connection.waitFor(1))[0].headers.connection).toBe("keep-alive");
  app.locals.draining = true;
  await connection.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const [, second] = await connection.waitFor(2);
  expect(second.headers.connection).toBe("close");
  expect(await connection.waitClosed(2000)).toBe(true);
});
