// Starting a server process from its settings: the logger (LOG_LEVEL, LOG_FORMAT), the checks that
// refuse to start (SESSION_SECRET in production, TRUST_PROXY, METRICS_TOKEN, SHUTDOWN_TIMEOUT_MS),
// the app of server/app.js on PORT and HOST, the background work, and the graceful shutdown on
// SIGTERM and SIGINT (server/shutdown.js). server/index.js runs it with the production build; the
// shutdown test runs it, in a child process, with a build of its own.
import { CspReportLog } from "./csp-report.js";
import { createApp, createServer } from "./app.js";
import { createLogger, parseLogFormat, parseLogLevel, routeConsole } from "./logger.js";
import { errorMode, parseTrustProxy } from "./security.js";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, gracefulShutdown } from "./shutdown.js";

/** A METRICS_TOKEN shorter than this could be guessed: the server refuses to start with one. */
export const METRICS_TOKEN_MIN_LENGTH = 16;

/**
 * The settings of a server process, read from the environment. Throws with a message for a person
 * when one of them is wrong.
 * @param {Record<string, string | undefined>} env
 */
export function settingsFrom(env) {
  // IDEALAB_LOCAL=1 (set by server/local.js for `npm start`) is production code on a workstation.
  const local = env.IDEALAB_LOCAL === "1";
  if (env.NODE_ENV === "production" && !local && !(env.SESSION_SECRET && env.SESSION_SECRET.length >= 16)) {
    throw new Error("SESSION_SECRET must be set (at least 16 characters) in production.");
  }
  const trust = parseTrustProxy(env.TRUST_PROXY);
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken && metricsToken.length < METRICS_TOKEN_MIN_LENGTH) {
    throw new Error(`METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (or unset, for no /metrics).`);
  }
  if (env.IDEALAB_DEMO_OIDC === "1" && env.NODE_ENV === "production" && !local) {
    throw new Error("IDEALAB_DEMO_OIDC is for a workstation (npm start): a deployment names its providers in OIDC_PROVIDERS or OIDC_PROVIDERS_FILE.");
  }
  const timeoutText = env.SHUTDOWN_TIMEOUT_MS?.trim();
  const shutdownTimeoutMs = timeoutText ? Number(timeoutText) : DEFAULT_SHUTDOWN_TIMEOUT_MS;
  if (!Number.isSafeInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 0) {
    throw new Error(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, not ${JSON.stringify(env.SHUTDOWN_TIMEOUT_MS)}.`);
  }
  return {
    // Error details only with NODE_ENV=development; unset is production (no stack trace in a browser).
    mode: errorMode(env.NODE_ENV),
    production: env.NODE_ENV === "production" && !local,
    trust,
    metricsToken,
    shutdownTimeoutMs,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
  };
}

/**
 * The process's logger from LOG_LEVEL and LOG_FORMAT: readable lines on a workstation (`npm start`,
 * NODE_ENV=development), JSON lines everywhere else. Throws when either is wrong.
 * @param {Record<string, string | undefined>} env
 * @param {import("./logger.js").LineSink} [destination] where the lines go (stdout when not given)
 */
export function loggerFrom(env, destination) {
  const workstation = env.IDEALAB_LOCAL === "1" || env.NODE_ENV === "development";
  return createLogger({ level: parseLogLevel(env.LOG_LEVEL), format: parseLogFormat(env.LOG_FORMAT, workstation ? "pretty" : "json"), destination });
}

/**
 * Starts the server process: exits 1 with a line saying why when a setting is wrong.
 * @param {{ loadBuild: () => Promise<import("@remix-run/node").ServerBuild>; env?: Record<string, string | undefined> }} options
 */
export async function main({ loadBuild, env = process.env }) {
  /** @type {import("pino").Logger} */
  let logger;
  try {
    logger = loggerFrom(env);
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message} Refusing to start.`);
    process.exit(1);
  }
  // What the app writes with console.* comes out as the logger's lines too.
  routeConsole(logger);
  /** @type {ReturnType<typeof settingsFrom>} */
  let settings;
  try {
    settings = settingsFrom(env);
  } catch (error) {
    logger.fatal(`${/** @type {Error} */ (error).message} Refusing to start.`);
    process.exit(1);
  }
  if (settings.trust.warning) logger.warn(`WARNING: ${settings.trust.warning}`);

  // On a workstation with IDEALAB_DEMO_OIDC=1, a local OpenID provider to click through single sign-on.
  const demoOidc = await startDemoProvider(env, logger);

  const build = await loadBuild();
  /** @type {string[]} the providers' origins: the sign-in and sign-out buttons lead there */
  let formActions = [];
  try {
    const providers = build.entry.module.checkSignInProviders?.() ?? [];
    if (providers.length) logger.info({ providers: providers.map((p) => p.id) }, "Single sign-on providers configured");
    formActions = [...new Set(providers.map((p) => new URL(p.issuer).origin))];
  } catch (error) {
    logger.fatal(`${/** @type {Error} */ (error).message} Refusing to start.`);
    process.exit(1);
  }

  const cspReports = new CspReportLog({ write: (line) => logger.warn({ cspReport: JSON.parse(line) }, "CSP violation report") });
  // Says how many reports each address had left out once its minute is over, even if it sends no more.
  setInterval(() => cspReports.sweep(), 60_000).unref();

  const app = createApp({
    build,
    mode: settings.mode,
    production: settings.production,
    trustProxy: settings.trust.setting,
    cspReports,
    logger,
    metricsToken: settings.metricsToken,
    formActions,
  });

  // The background work (notification e-mails, the daily digest, pruning expired sessions) runs in this process.
  const stopBackgroundJobs = build.entry.module.startBackgroundJobs?.();

  const server = createServer(app);
  const shutdown = gracefulShutdown({
    server,
    app,
    logger,
    timeoutMs: settings.shutdownTimeoutMs,
    stopBackgroundJobs: () => Promise.all([stopBackgroundJobs?.(), demoOidc?.close()]),
    disconnect: build.entry.module.disconnectDatabase,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));

  const { port, host } = settings;
  server.listen(port, host, () => {
    const address = server.address();
    const bound = typeof address === "object" && address ? address.port : port;
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    logger.info({ port: bound, metrics: Boolean(settings.metricsToken) }, `Idea Lab is serving on http://${shown}:${bound}`);
  });
  return { server, app, logger, shutdown };
}

/**
 * With IDEALAB_DEMO_OIDC=1: starts the local demo provider (server/demo-oidc.js) and tells the app
 * about it. Exits 1 when it cannot start (its port taken, say).
 * @param {Record<string, string | undefined>} env
 * @param {import("pino").Logger} logger
 */
async function startDemoProvider(env, logger) {
  if (env.IDEALAB_DEMO_OIDC !== "1") return null;
  try {
    const { demoProviderFromEnv } = await import("./demo-oidc.js");
    const demo = await demoProviderFromEnv(env, { logger });
    if (!demo) return null;
    process.env.IDEALAB_DEMO_OIDC_PROVIDER = JSON.stringify(demo.provider);
    logger.info(
      { issuer: demo.provider.issuer },
      `Demo sign-in provider on ${demo.provider.issuer}: sign in there with any e-mail at a demo institution's domain, e.g. janis.liepins@vmd.example.lv, and any password`,
    );
    return demo;
  } catch (error) {
    logger.fatal(`The demo sign-in provider (IDEALAB_DEMO_OIDC=1) could not start: ${/** @type {Error} */ (error).message} Refusing to start.`);
    process.exit(1);
  }
}
