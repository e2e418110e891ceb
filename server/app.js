// The Express application around the Remix handler, made by createApp so that the server
// (server/index.js) and the tests run the same thing. In order, every request meets:
//   0. its id and its log line (server/request-log.js), and while the process shuts down, an answer
//      that closes the connection (server/shutdown.js);
//   1. the security headers (CSP with a nonce, and the rest);
//   2. the body limit: a body is read whole and counted before anything else looks at the request,
//      and refused with 413 when it is larger than its route may receive (server/limits.js);
//   3. the refusal of state-changing requests from other sites (403) and of unknown methods (405);
//      every 403 (these and the app's) is recorded in the audit log once the answer is sent;
//   4. the probes: /readyz (server/probes.js) and, with a token, /metrics (server/metrics.js);
//      the CSP report endpoint (server/csp-report.js);
//   5. static files; then no-store (and HSTS) for pages and data, and the Remix handler;
//   6. an error handler that answers without details: no stack trace reaches a browser.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import pino from "pino";
import { CspReportLog, cspReportHandler } from "./csp-report.js";
import { bodyLimit } from "./limits.js";
import { logContext } from "./logger.js";
import { createMetrics, metricsEndpoint } from "./metrics.js";
import { readinessEndpoint } from "./probes.js";
import { requestLog, routeNamer } from "./request-log.js";
import { errorPage } from "./pages.js";
import { ALLOWED_METHODS, CSP_REPORT_PATH, createNonce, isCrossSiteRequest, methodAllowed, responseHeaders, securityHeaders } from "./security.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * @typedef {object} AppOptions
 * @property {import("@remix-run/node").ServerBuild} build the Remix server build
 * @property {"development" | "production"} [mode] how errors are shown (security.js, errorMode): details only in development
 * @property {boolean} [production] a production deployment (not a workstation): HSTS over HTTPS
 * @property {false | number | string[]} [trustProxy] Express's `trust proxy` (security.js, parseTrustProxy)
 * @property {CspReportLog} [cspReports] where CSP violation reports are logged
 * @property {string} [publicDir] the static files
 * @property {import("pino").Logger} [logger] where the request lines and errors go (server/logger.js); without one, errors only, to console.error
 * @property {string} [metricsToken] METRICS_TOKEN: /metrics answers requests that carry it; without one there is no /metrics
 * @property {string[]} [formActions] the sign-in providers' origins, where forms may lead besides this one (CSP form-action)
 */

/** Without a logger (the tests, tools): errors only, written with console.error as they always were. */
const errorsToConsole = () => pino({ level: "error" }, { write: (/** @type {string} */ line) => console.error(line.trimEnd()) });

/** @param {AppOptions} options */
export function createApp({
  build,
  mode = "production",
  production = false,
  trustProxy = false,
  cspReports = new CspReportLog(),
  publicDir = path.join(root, "public"),
  logger = errorsToConsole(),
  metricsToken,
  formActions = [],
}) {
  const development = mode === "development";
  const app = express();
  app.disable("x-powered-by");
  // Express's own error pages show stacks in its "development" env, which it assumes when NODE_ENV is unset.
  app.set("env", mode);
  if (trustProxy !== false) app.set("trust proxy", trustProxy);
  app.locals.logger = logger;
  app.locals.draining = false;

  const metrics = metricsToken ? createMetrics({ appRegistry: build.entry.module.metricsRegistry }) : undefined;
  app.use(requestLog({ logger, routeOf: routeNamer(build), observe: metrics?.observe }));
  // Shutting down (server/shutdown.js): each answer closes its connection, so no client keeps one open.
  app.use((req, res, next) => {
    if (req.app.locals.draining) res.setHeader("Connection", "close");
    next();
  });
  app.use(compression());

  app.use((_req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeaders(nonce, { development, formActions }))) res.setHeader(name, value);
    next();
  });

  app.use(bodyLimit());

  // Every 403, whoever answered it (the cross-site check below or the app), goes to the audit log,
  // at most once per person, route and minute (app/modules/audit/refusals.server.ts).
  const recordRefusal = build.entry.module.recordRefusal;
  if (recordRefusal) {
    app.use((req, res, next) => {
      res.on("finish", () => {
        if (res.statusCode !== 403) return;
        const request = new Request(new URL(req.originalUrl, "http://app.invalid"), { method: req.method, headers: { Cookie: req.get("Cookie") ?? "" } });
        recordRefusal(request, req.ip ?? "unknown").catch((/** @type {unknown} */ error) =>
          logger.error({ err: error, requestId: res.locals.requestId }, "Could not record a refusal in the audit log"),
        );
      });
      next();
    });
  }

  // Browsers post CSP reports themselves, and they change nothing: no cross-site check for them.
  app.use((req, res, next) => {
    if (req.path !== CSP_REPORT_PATH && isCrossSiteRequest(req.method, req.headers)) {
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    next();
  });

  // Only the methods the app answers reach it: TRACE, OPTIONS, PUT and the like get 405, no stack.
  app.use((req, res, next) => {
    if (methodAllowed(req.method)) return next();
    res.status(405).set("Allow", ALLOWED_METHODS.join(", ")).type("text/plain").send("Method Not Allowed");
  });

  // The probes answer GET (and HEAD) only; anything else meets the app as any other path does.
  const checkReadiness = build.entry.module.checkReadiness;
  if (checkReadiness) app.get("/readyz", readinessEndpoint({ check: checkReadiness, logger }));
  if (metrics && metricsToken) app.get("/metrics", metricsEndpoint({ token: metricsToken, metrics }));

  app.use(cspReportHandler(cspReports));

  // A static file's line and duration are named "static" rather than after the page its path resembles.
  const named = (/** @type {import("express").Response} */ res) => {
    res.locals.route = "static";
  };
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", setHeaders: named }));
  // The other public files are named like files (favicon.svg); a page's path (/ideas) is not looked
  // for on disk, which saved every page a round trip through the file system.
  const publicFiles = express.static(publicDir, { maxAge: "1h", setHeaders: named });
  app.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  // Pages and data: not stored (they depend on who is signed in), HTTPS only in production over HTTPS.
  app.use((req, res, next) => {
    for (const [name, value] of Object.entries(responseHeaders({ secure: req.secure, production }))) res.setHeader(name, value);
    next();
  });

  app.all("*", remixHandler(build, mode));

  app.use(errorHandler);
  return app;
}

/**
 * The Remix handler, as @remix-run/express's (whose adapter this follows), except that the request's
 * body is the one the body limit has read (`req.body`) rather than the socket itself, so the app can
 * never leave part of a body unread in the connection.
 * @param {import("@remix-run/node").ServerBuild} build
 * @param {"development" | "production"} mode
 * @returns {import("express").RequestHandler}
 */
function remixHandler(build, mode) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      // The client's address as the trusted proxies give it (TRUST_PROXY), and the CSP nonce.
      const context = { cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" };
      // The app reads the address from the request's context where nobody hands it over (the audit
      // log), and notes there who is signed in (for the request's log line: request-log.js).
      const appContext = { ip: context.clientIp, requestId: res.locals.requestId };
      res.locals.appContext = appContext;
      const run = build.entry.module.runWithRequestContext ?? ((_context, fn) => fn());
      // The body limit reads the body in the socket's callbacks: the request's log context, again.
      const response = await logContext.run({ requestId: res.locals.requestId }, () => run(appContext, () => handleRequest(remixRequest(req, res), context)));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The Fetch API request for Remix: the URL as @remix-run/express makes it (the host as `trust proxy`
 * allows, the port from X-Forwarded-Host or Host), aborted when the connection closes before the answer.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
function remixRequest(req, res) {
  const portOf = (/** @type {string | undefined} */ host) => {
    const port = Number.parseInt(host?.split(":")[1] ?? "", 10);
    return Number.isSafeInteger(port) ? port : undefined;
  };
  const port = portOf(req.get("X-Forwarded-Host")) ?? portOf(req.get("host"));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(name, value);
  }
  /** @type {RequestInit} */
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD" && req.body) init.body = req.body;
  return new Request(url.href, init);
}

/**
 * The last handler: an error outside the app (a malformed URL for the static files, a host header
 * that makes no URL) is answered with its 4xx status or 500 and the small error page: never a
 * stack trace, whatever NODE_ENV says. Unexpected ones are logged.
 * @type {import("express").ErrorRequestHandler}
 */
function errorHandler(error, req, res, _next) {
  const given = Number(error?.status ?? error?.statusCode);
  const status = given >= 400 && given < 500 ? given : 500;
  if (status === 500) req.app.locals.logger.error({ err: error, requestId: res.locals.requestId }, "An error outside the app");
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  res.status(status).set("Cache-Control", "no-store").type("html").send(errorPage(status, req.headers));
}

/**
 * An HTTP server for the app. A client that asks `Expect: 100-continue` is told to go on only by the
 * body limit, once the declared length is within the route's limit. A request must arrive whole
 * within a minute (Node's default is five), so a slow body cannot hold a connection for long.
 * @param {import("express").Express} app
 */
export function createServer(app) {
  const server = http.createServer(app);
  server.requestTimeout = 60_000;
  server.on("checkContinue", (req, res) => {
    req.awaitingContinue = true;
    // Counted as a request (server/shutdown.js waits for those in flight), then handed to the app.
    server.emit("request", req, res);
  });
  return server;
}
