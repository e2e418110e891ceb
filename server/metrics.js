// Prometheus metrics at /metrics, with prom-client: the process's own (CPU, memory, event loop,
// handles), the requests' durations by method, route and status, and the app's (the build's
// `metricsRegistry`: the mail queue, the background jobs, the database pool). Served only when
// METRICS_TOKEN is set and the request carries `Authorization: Bearer <token>`; any other request
// goes on to the app, which answers 404 as for any path that does not exist.
import { createHash, timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { ALLOWED_METHODS } from "./security.js";

/** Seconds: from a static file's few milliseconds to the slow end of a large export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The server's metrics, and the app's beside them when the build has some.
 * @param {{ appRegistry?: import("prom-client").Registry }} [options]
 */
export function createMetrics({ appRegistry } = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, by method, route (the Remix route's id, or static, readyz, metrics, unmatched) and status code (499: the client left first).",
    labelNames: ["method", "route", "status_code"],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const registries = appRegistry ? [registry, appRegistry] : [registry];
  return {
    /** @param {{ method: string; route: string; status: number; seconds: number }} sample */
    observe({ method, route, status, seconds }) {
      // Methods outside the app's three are refused with 405; one label for all of them.
      duration.observe({ method: ALLOWED_METHODS.includes(method) ? method : "OTHER", route, status_code: String(status) }, seconds);
    },
    contentType: registry.contentType,
    /** The text Prometheus reads: every registry's metrics, collected now. */
    text: () => client.Registry.merge(registries).metrics(),
  };
}

/**
 * Whether an Authorization header carries the token as a bearer token. Both sides are hashed first,
 * so the comparison takes the same time whatever the header holds and however long it is.
 * @param {string | undefined} header
 * @param {string | undefined} token
 */
export function bearerMatches(header, token) {
  if (!token || typeof header !== "string") return false;
  const given = /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? "";
  const digest = (/** @type {string} */ value) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * GET /metrics for a request with the token; any other request passes on (and meets the app's 404).
 * @param {{ token: string; metrics: ReturnType<typeof createMetrics> }} options
 * @returns {import("express").RequestHandler}
 */
export function metricsEndpoint({ token, metrics }) {
  return async (req, res, next) => {
    if (!bearerMatches(req.get("Authorization"), token)) return next();
    res.locals.route = "metrics";
    try {
      const body = await metrics.text();
      res.status(200).set("Cache-Control", "no-store").type(metrics.contentType).send(body);
    } catch (error) {
      next(error);
    }
  };
}
