// GET /readyz: whether this process should be sent requests. 200 only when the database answers and
// has every migration this code knows applied; 503 otherwise, and from the moment the process
// starts shutting down (server/shutdown.js), so a load balancer stops sending it work before it
// goes. The check is the build's `checkReadiness` (app/utils/health.server.ts): one trivial query
// and one read of the migrations table, with a time limit. No session, never cached.
// GET /healthz, the liveness check, stays an app route (app/routes/healthz.ts).

/**
 * @typedef {{ ok: boolean } & Record<string, unknown>} Readiness
 * @param {{ check: () => Promise<Readiness>; logger: import("pino").Logger }} options
 * @returns {import("express").RequestHandler}
 */
export function readinessEndpoint({ check, logger }) {
  return async (req, res) => {
    res.locals.route = "readyz";
    res.set("Cache-Control", "no-store");
    if (req.app.locals.draining) {
      res.status(503).json({ ok: false, shuttingDown: true });
      return;
    }
    /** @type {Readiness} */
    let result;
    try {
      result = await check();
    } catch (error) {
      logger.error({ err: error }, "The readiness check failed");
      result = { ok: false, check: "failed" };
    }
    res.status(result.ok ? 200 : 503).json(result);
  };
}
