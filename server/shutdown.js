// A graceful stop on SIGTERM (what an orchestrator sends) and SIGINT (Ctrl+C). In order:
//   1. the server stops listening: new connections are refused; /readyz answers 503 and every answer
//      from now on closes its connection, so kept-alive clients go elsewhere; idle connections close;
//   2. the background work stops starting new passes (the mail job, the sweeps);
//   3. requests in flight finish, for up to SHUTDOWN_TIMEOUT_MS (10 s by default); whatever
//      connection is left then is closed;
//   4. the background work in progress is waited for, then the database is let go ($disconnect);
//   5. the process exits 0 (1 when stopping the jobs or the database failed). Each step is logged.
// A second signal during all this closes the remaining connections at once.

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** After the requests' time is up, how long the rest (jobs, database) may take before the process exits regardless. */
const GRACE_AFTER_TIMEOUT_MS = 5_000;

/**
 * @typedef {object} ShutdownOptions
 * @property {import("node:http").Server} server
 * @property {import("express").Express} app its `locals.draining` tells the app's middleware and /readyz
 * @property {import("pino").Logger} logger
 * @property {number} [timeoutMs]
 * @property {() => unknown} [stopBackgroundJobs] stops the timers at once; what it returns (a promise) settles when the work in progress has
 * @property {() => Promise<unknown>} [disconnect] lets go of the database
 * @property {(code: number) => void} [exit]
 */

/**
 * Prepares the shutdown of `server` and returns the function that runs it (once; a second call
 * closes the remaining connections and returns the same promise).
 * @param {ShutdownOptions} options
 */
export function gracefulShutdown({
  server,
  app,
  logger,
  timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
  stopBackgroundJobs,
  disconnect,
  exit = (code) => process.exit(code),
}) {
  /** The answers not yet sent, so that those in flight when the shutdown starts close their connection too. */
  const inFlight = new Set();
  /** @type {(() => void) | undefined} */
  let onNoneInFlight;
  server.on("request", (/** @type {import("node:http").IncomingMessage} */ _req, /** @type {import("node:http").ServerResponse} */ res) => {
    inFlight.add(res);
    res.once("close", () => {
      inFlight.delete(res);
      if (!app.locals.draining) return;
      // The connection is idle once its answer is out: while shutting down, close it.
      setImmediate(() => server.closeIdleConnections());
      if (inFlight.size === 0) onNoneInFlight?.();
    });
  });

  /** @type {Promise<void> | undefined} */
  let running;
  /** @param {string} signal */
  return function shutdown(signal) {
    if (running) {
      logger.warn({ signal }, "Shutdown: a second signal; closing the remaining connections now");
      server.closeAllConnections();
      return running;
    }
    running = (async () => {
      const started = Date.now();
      app.locals.draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeIdleConnections();
      logger.info({ signal, inFlight: inFlight.size, timeoutMs }, "Shutdown: no new connections; waiting for the requests in flight");
      const jobsStopped = Promise.resolve().then(() => stopBackgroundJobs?.());

      let forced = 0;
      const timer = setTimeout(() => {
        forced = inFlight.size;
        logger.warn({ connectionsLeft: forced, timeoutMs }, "Shutdown: time is up; closing the remaining connections");
        server.closeAllConnections();
      }, timeoutMs);
      // Whatever happens below, the process does not outlive its time by much.
      setTimeout(() => {
        logger.error("Shutdown: stopping the background work or the database took too long; exiting");
        exit(1);
      }, timeoutMs + GRACE_AFTER_TIMEOUT_MS).unref();

      await closed;
      clearTimeout(timer);
      // The server may call itself closed just before the answers it cut off have said so (and written their lines).
      if (inFlight.size) await new Promise((resolve) => (onNoneInFlight = () => resolve(undefined)));
      logger.info({ ms: Date.now() - started, cutShort: forced }, "Shutdown: the server is closed");
      let code = 0;
      try {
        await jobsStopped;
        logger.info("Shutdown: the background work has stopped");
      } catch (error) {
        code = 1;
        logger.error({ err: error }, "Shutdown: stopping the background work failed");
      }
      try {
        await disconnect?.();
        logger.info("Shutdown: the database is disconnected");
      } catch (error) {
        code = 1;
        logger.error({ err: error }, "Shutdown: disconnecting the database failed");
      }
      logger.info({ ms: Date.now() - started, code }, "Shutdown: done");
      exit(code);
    })();
    return running;
  };
}
