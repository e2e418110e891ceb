// One log line per request, and its duration in the metrics. The line says what an operator needs
// and nothing about the person beyond their number: the request's id, the method, the route (the
// Remix route's id, such as routes/ideas.$id, never the URL with its ids or its query), the status,
// the duration in milliseconds and the signed-in user's id. No names, e-mail addresses or ideas' text.
import { randomUUID } from "node:crypto";
import { matchRoutes } from "@remix-run/router";
import { logContext } from "./logger.js";

export const REQUEST_ID_HEADER = "X-Request-Id";

/** An id a proxy or client may hand us: letters, digits and a few signs, at most 128 of them (nothing a log line could be bent with). */
const SANE_ID = /^[\w.:+=/-]{1,128}$/;

/**
 * The request's id: the incoming X-Request-Id when it looks sane (a proxy's, so its log and ours
 * meet), otherwise a new UUID.
 * @param {unknown} incoming
 */
export function requestIdFrom(incoming) {
  return typeof incoming === "string" && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/** Routes answered by the probes: their lines are at debug level, so a probe every few seconds does not fill the log. */
const PROBES = new Set(["routes/healthz", "readyz", "metrics"]);

/**
 * Names the Remix route a path leads to, as Remix matches it (the single-fetch `.data` path as its
 * page's), or "unmatched".
 * @param {import("@remix-run/node").ServerBuild} build
 * @returns {(pathname: string) => string}
 */
export function routeNamer(build) {
  /** @type {Map<string, import("@remix-run/node").ServerBuild["routes"][string][]>} */
  const byParent = new Map();
  for (const route of Object.values(build.routes)) {
    const parent = route.parentId ?? "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), route]);
  }
  /**
   * @param {string} parentId
   * @returns {import("@remix-run/router").AgnosticRouteObject[]}
   */
  const tree = (parentId) =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, path: route.path, index: true, caseSensitive: route.caseSensitive }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: tree(route.id) },
    );
  const routes = tree("");
  const singleFetch = Boolean(/** @type {{ v3_singleFetch?: boolean }} */ (build.future)?.v3_singleFetch);
  // Matching costs a fraction of a millisecond (the router compiles every pattern each time), so the
  // answer is kept for the path's shape: a segment that is no route's fixed segment can only meet a
  // parameter or a splat, so /ideas/12 and /ideas/13 are both /ideas/: and match alike.
  const fixed = new Set(
    Object.values(build.routes).flatMap((route) =>
      (route.path ?? "")
        .split("/")
        .filter((segment) => segment && !segment.startsWith(":") && segment !== "*")
        .map((segment) => segment.replace(/\?$/, "").toLowerCase()),
    ),
  );
  /** @type {Map<string, string>} */
  const known = new Map();
  return (pathname) => {
    let path = pathname;
    if (singleFetch && path.endsWith(".data")) path = path.replace(/\.data$/, "").replace(/^\/_root$/, "/");
    let shape;
    try {
      shape = path
        .split("/")
        .map((segment) => {
          const decoded = decodeURIComponent(segment);
          return !segment || fixed.has(decoded.toLowerCase()) ? decoded : ":";
        })
        .join("/");
    } catch {
      return "unmatched"; // a malformed path: the router would only warn about it
    }
    let route = known.get(shape);
    if (route === undefined) {
      route = matchRoutes(routes, shape, build.basename)?.at(-1)?.route.id ?? "unmatched";
      if (known.size >= 1000) known.clear();
      known.set(shape, route);
    }
    return route;
  };
}

/**
 * @typedef {object} RequestLogOptions
 * @property {import("pino").Logger} logger
 * @property {(pathname: string) => string} routeOf the route a path leads to (routeNamer)
 * @property {(sample: { method: string; route: string; status: number; seconds: number }) => void} [observe] the metrics' histogram
 */

/**
 * The first middleware: gives the request its id (and sends it back as X-Request-Id), runs the rest
 * inside it (logContext), and when the response is done writes the line and the duration. A handler
 * that answers for itself names its route in `res.locals.route` (static files, the probes); the app
 * puts the signed-in user's id in its request context (`res.locals.appContext`). A request whose
 * connection closed before its answer was sent is logged with `aborted: true` and counted as 499.
 * @param {RequestLogOptions} options
 * @returns {import("express").RequestHandler}
 */
export function requestLog({ logger, routeOf, observe }) {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    const pathname = req.path;
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.once("close", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = typeof res.locals.route === "string" ? res.locals.route : routeOf(pathname);
      const aborted = !res.writableFinished;
      const status = res.statusCode;
      const userId = res.locals.appContext?.userId;
      observe?.({ method: req.method, route, status: aborted ? 499 : status, seconds: ms / 1000 });
      // A 5xx is a warning here: the error itself has its own line (the app's, or app.js's error handler).
      const level = status >= 500 ? "warn" : PROBES.has(route) ? "debug" : "info";
      logger[level](
        {
          requestId,
          method: req.method,
          route,
          status,
          durationMs: Math.round(ms * 10) / 10,
          ...(typeof userId === "number" ? { userId } : {}),
          ...(aborted ? { aborted: true } : {}),
        },
        "request",
      );
    });
    logContext.run({ requestId }, next);
  };
}
