// Operability (#14), the pieces on their own: the log's settings and its two formats, console.*
// handed to the logger, the request id, route names, the metrics token's check, and the settings a
// server process refuses to start with.
import type { ServerBuild } from "@remix-run/node";
import { afterEach, expect, test } from "vitest";
import { createLogger, parseLogFormat, parseLogLevel, prettyLine, routeConsole } from "../../server/logger.js";
import { bearerMatches } from "../../server/metrics.js";
import { requestIdFrom, routeNamer } from "../../server/request-log.js";
import { loggerFrom, settingsFrom } from "../../server/serve.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("LOG_LEVEL: pino's levels in any case, info when unset; anything else is refused", () => {
  expect(parseLogLevel(undefined)).toBe("info");
  expect(parseLogLevel("")).toBe("info");
  expect(parseLogLevel(" DEBUG ")).toBe("debug");
  expect(parseLogLevel("silent")).toBe("silent");
  expect(() => parseLogLevel("verbose")).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  expect(parseLogFormat(undefined, "pretty")).toBe("pretty");
  expect(parseLogFormat("JSON", "pretty")).toBe("json");
  expect(() => parseLogFormat("xml", "json")).toThrow(/LOG_FORMAT/);
});

test("JSON lines in production; readable lines on a workstation (npm start) and with NODE_ENV=development", () => {
  const formatOf = (env: Record<string, string | undefined>) => {
    const written: string[] = [];
    loggerFrom(env, { write: (line: string) => written.push(line) }).info("hello");
    return written[0].startsWith("{") ? "json" : /^\d\d:\d\d:\d\d\.\d{3} INFO {2}hello\n$/.test(written[0]) ? "pretty" : written[0];
  };
  expect(formatOf({ NODE_ENV: "production" })).toBe("json");
  expect(formatOf({})).toBe("json");
  expect(formatOf({ NODE_ENV: "production", IDEALAB_LOCAL: "1" })).toBe("pretty");
  expect(formatOf({ NODE_ENV: "development" })).toBe("pretty");
  expect(formatOf({ NODE_ENV: "development", LOG_FORMAT: "json" })).toBe("json");
  expect(loggerFrom({ LOG_LEVEL: "warn" }).level).toBe("warn");
  expect(() => loggerFrom({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
});

test("a JSON line: ISO time, the level by name, the fields; the readable form shows the same on one line, a stack below it", () => {
  const json: string[] = [];
  createLogger({ destination: { write: (l: string) => json.push(l) } }).info(
    { requestId: "r-1", route: "routes/board", status: 200, durationMs: 12.5 },
    "request",
  );
  const entry = JSON.parse(json[0]);
  expect(entry).toMatchObject({ level: "info", msg: "request", requestId: "r-1", route: "routes/board", status: 200, durationMs: 12.5 });
  expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(json[0].endsWith("}\n")).toBe(true);

  const pretty: string[] = [];
  const logger = createLogger({ format: "pretty", destination: { write: (l: string) => pretty.push(l) } });
  logger.info({ requestId: "r-1", route: "routes/board", status: 200, durationMs: 12.5 }, "request");
  logger.error({ err: new Error("the disk is full") }, "The mail job failed");
  expect(pretty[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}request requestId=r-1 route=routes\/board status=200 durationMs=12.5\n$/);
  expect(pretty[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR The mail job failed\n {4}Error: the disk is full\n {8}at /);
  expect(prettyLine("not json")).toBe("not json\n");
});

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

test("console.* goes to the logger: the level it means, the message, an error whole in err", () => {
  const lines: Record<string, unknown>[] = [];
  restore = routeConsole(createLogger({ level: "debug", destination: { write: (l: string) => lines.push(JSON.parse(l)) } }));
  console.log("E-mail: %s", "SMTP_URL is not set");
  console.warn("careful");
  console.error("The mail job failed; it will try again.", new Error("connection refused"));
  console.error(new Error("alone"));
  console.debug({ a: 1 });
  restore();
  restore = undefined;
  expect(lines.map((l) => [l.level, l.msg])).toEqual([
    ["info", "E-mail: SMTP_URL is not set"],
    ["warn", "careful"],
    ["error", "The mail job failed; it will try again."],
    ["error", "alone"],
    ["debug", "{ a: 1 }"],
  ]);
  expect(lines[2].err).toMatchObject({ type: "Error", message: "connection refused", stack: expect.stringContaining("Error: connection refused\n    at ") });
  // One line each: the stack is inside the JSON, not across lines of the log.
  expect(lines).toHaveLength(5);
});

test("X-Request-Id: a sane incoming id is kept, anything else becomes a new UUID", () => {
  for (const id of ["abc", "f47ac10b-58cc-4372-a567-0e02b2c3d479", "Root=1-5759e988-bd862e3fe1be46a994272793", "a/b+c=d:e_f.g", "x".repeat(128)]) {
    expect(requestIdFrom(id)).toBe(id);
  }
  for (const id of [undefined, "", "x".repeat(129), "a b", "a\nb", 'a"b', "<script>", "ā", ["a", "b"]]) expect(requestIdFrom(id)).toMatch(UUID);
  expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
});

test("route names: the Remix route a path leads to, as Remix ranks them; single-fetch .data paths as their page", () => {
  const route = (id: string, parentId: string, extra: Record<string, unknown>) => ({ id, parentId, module: {}, ...extra });
  const build = {
    future: { v3_singleFetch: true },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/_index": route("routes/_index", "root", { index: true }),
      "routes/ideas._index": route("routes/ideas._index", "root", { path: "ideas", index: true }),
      "routes/ideas.new": route("routes/ideas.new", "root", { path: "ideas/new" }),
      "routes/ideas.$id": route("routes/ideas.$id", "root", { path: "ideas/:id" }),
      "routes/ideas.$id_.case[.]json": route("routes/ideas.$id_.case[.]json", "root", { path: "ideas/:id/case.json" }),
      "routes/dashboard": route("routes/dashboard", "root", { path: "dashboard" }),
      "routes/dashboard.export[.]csv": route("routes/dashboard.export[.]csv", "routes/dashboard", { path: "export.csv" }),
      "routes/help": route("routes/help", "root", { path: "help/faq?" }),
      "routes/$": route("routes/$", "root", { path: "*" }),
    },
  } as unknown as ServerBuild;
  const routeOf = routeNamer(build);
  expect(routeOf("/")).toBe("routes/_index");
  expect(routeOf("/_root.data")).toBe("routes/_index");
  expect(routeOf("/ideas")).toBe("routes/ideas._index");
  expect(routeOf("/ideas/new")).toBe("routes/ideas.new");
  expect(routeOf("/ideas/12")).toBe("routes/ideas.$id");
  expect(routeOf("/ideas/12.data")).toBe("routes/ideas.$id");
  expect(routeOf("/ideas/12/case.json")).toBe("routes/ideas.$id_.case[.]json");
  expect(routeOf("/dashboard/export.csv")).toBe("routes/dashboard.export[.]csv");
  expect(routeOf("/no/such/page")).toBe("routes/$");
  // Kept by the path's shape, yet exactly as the router answers: fixed segments in any case or encoding, optional ones, ids.
  expect(routeOf("/Ideas/NEW")).toBe("routes/ideas.new");
  expect(routeOf("/ideas/n%65w")).toBe("routes/ideas.new");
  expect(routeOf("/ideas/13")).toBe("routes/ideas.$id");
  expect(routeOf("/ideas/newer")).toBe("routes/ideas.$id");
  expect(routeOf("/ideas/a%2Fb")).toBe("routes/ideas.$id");
  expect(routeOf("/help")).toBe("routes/help");
  expect(routeOf("/help/faq")).toBe("routes/help");
  expect(routeOf("/help/other")).toBe("routes/$");
  expect(routeOf("/ideas/12/case.json")).toBe("routes/ideas.$id_.case[.]json");
  expect(routeOf("/ideas/12/case.csv")).toBe("routes/$");
  expect(routeOf("/%E0%A4%A")).toBe("unmatched");
  expect(routeNamer({ ...build, routes: { root: build.routes.root } } as ServerBuild)("/anything")).toBe("unmatched");
});

test("the metrics token: only `Bearer <token>`, exactly", () => {
  const token = "0123456789abcdef-token";
  expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
  expect(bearerMatches(`bearer  ${token}`, token)).toBe(true);
  for (const header of [undefined, "", token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Bearer ${token} more`, "Bearer", "Bearer "]) {
    expect(bearerMatches(header, token)).toBe(false);
  }
  expect(bearerMatches("Bearer ", "")).toBe(false);
  expect(bearerMatches(`Bearer ${token}`, undefined)).toBe(false);
});

test("a server's settings: METRICS_TOKEN of 16 characters or more, SHUTDOWN_TIMEOUT_MS a whole number (10 s by default), SESSION_SECRET in production", () => {
  expect(settingsFrom({})).toMatchObject({ metricsToken: undefined, shutdownTimeoutMs: 10_000, port: 3000, host: "0.0.0.0", production: false });
  expect(settingsFrom({ METRICS_TOKEN: "  " }).metricsToken).toBeUndefined();
  expect(settingsFrom({ METRICS_TOKEN: "a-long-enough-token" }).metricsToken).toBe("a-long-enough-token");
  expect(() => settingsFrom({ METRICS_TOKEN: "short" })).toThrow("METRICS_TOKEN must be at least 16 characters");
  expect(settingsFrom({ SHUTDOWN_TIMEOUT_MS: "2500" }).shutdownTimeoutMs).toBe(2500);
  expect(settingsFrom({ SHUTDOWN_TIMEOUT_MS: "0" }).shutdownTimeoutMs).toBe(0);
  for (const value of ["-1", "1.5", "ten", "1e400"]) expect(() => settingsFrom({ SHUTDOWN_TIMEOUT_MS: value })).toThrow("SHUTDOWN_TIMEOUT_MS");
  expect(() => settingsFrom({ NODE_ENV: "production" })).toThrow("SESSION_SECRET");
  expect(settingsFrom({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(16) }).production).toBe(true);
  expect(settingsFrom({ NODE_ENV: "production", IDEALAB_LOCAL: "1" }).production).toBe(false);
  expect(() => settingsFrom({ TRUST_PROXY: "nonsense" })).toThrow();
});
