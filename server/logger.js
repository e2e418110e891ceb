// The process's log, with pino: one JSON object a line in production, for a log collector; a short
// readable line on a workstation (`npm start`, NODE_ENV=development), for a person. LOG_LEVEL sets
// the level (info by default), LOG_FORMAT=json|pretty overrides the format. The server also hands
// console.* to it (routeConsole), so the app's own messages (the mail job, the reactions, errors
// while rendering) come out as the same lines, stack traces inside the line rather than across many.
// A line written while a request is handled carries that request's id (logContext).
import { AsyncLocalStorage } from "node:async_hooks";
import { format as formatArgs } from "node:util";
import pino from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * LOG_LEVEL: one of LOG_LEVELS, any case; unset or empty is info.
 * @param {string | undefined} value
 * @returns {import("pino").LevelWithSilent}
 */
export function parseLogLevel(value) {
  const level = (value ?? "").trim().toLowerCase();
  if (!level) return "info";
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not ${JSON.stringify(value)}.`);
  return /** @type {import("pino").LevelWithSilent} */ (level);
}

/**
 * LOG_FORMAT: "json" or "pretty"; unset or empty is `fallback` (pretty on a workstation, JSON elsewhere).
 * @param {string | undefined} value
 * @param {"json" | "pretty"} fallback
 * @returns {"json" | "pretty"}
 */
export function parseLogFormat(value, fallback) {
  const format = (value ?? "").trim().toLowerCase();
  if (!format) return fallback;
  if (format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be json or pretty, not ${JSON.stringify(value)}.`);
  return format;
}

/**
 * The request being handled, for the lines written while it is: server/request-log.js runs each
 * request inside it.
 * @type {AsyncLocalStorage<{ requestId: string }>}
 */
export const logContext = new AsyncLocalStorage();

/** @typedef {{ write: (line: string) => unknown }} LineSink */

/**
 * @param {{ level?: import("pino").LevelWithSilent; format?: "json" | "pretty"; destination?: LineSink }} [options]
 *   `destination` receives each line (stdout when not given)
 * @returns {import("pino").Logger}
 */
export function createLogger({ level = "info", format = "json", destination } = {}) {
  const out = destination ?? (format === "pretty" ? process.stdout : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      mixin: () => {
        const context = logContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    },
    format === "pretty" ? prettyStream(out) : out,
  );
}

/** The fields every line has, which the readable format shows in its own way (or not at all). */
const SHOWN_APART = new Set(["level", "time", "msg", "pid", "hostname", "err"]);

/**
 * A line of pino's JSON as a person reads it: `12:04:05 INFO  request method=GET route=… status=200`,
 * then the error's stack, if any, indented below.
 * @param {string} json
 */
export function prettyLine(json) {
  /** @type {Record<string, unknown>} */
  let entry;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const level = String(entry.level ?? "").toUpperCase();
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_APART.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  let line = [time, level.padEnd(5), entry.msg ?? "", ...fields].filter((part) => part !== "").join(" ");
  const err = /** @type {{ stack?: string; message?: string } | undefined} */ (entry.err);
  if (err)
    line += `\n    ${String(err.stack ?? err.message)
      .split("\n")
      .join("\n    ")}`;
  return `${line}\n`;
}

/** @param {LineSink} out */
function prettyStream(out) {
  return { write: (/** @type {string} */ json) => out.write(prettyLine(json.trimEnd())) };
}

/**
 * Hands console.log/info/debug/warn/error to the logger (info, info, debug, warn, error). An Error
 * among the arguments goes whole into the line's `err` (message, stack), the rest is the message.
 * Returns a function that puts the console back.
 * @param {import("pino").Logger} logger
 */
export function routeConsole(logger) {
  const original = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error };
  /** @param {"info" | "debug" | "warn" | "error"} level */
  const to =
    (level) =>
    (/** @type {unknown[]} */ ...args) => {
      const err = args.find((arg) => arg instanceof Error);
      const rest = args.filter((arg) => arg !== err);
      const message = rest.length ? formatArgs(...rest) : err ? /** @type {Error} */ (err).message : "";
      if (err) logger[level]({ err }, message);
      else logger[level](message);
    };
  console.log = to("info");
  console.info = to("info");
  console.debug = to("debug");
  console.warn = to("warn");
  console.error = to("error");
  return () => Object.assign(console, original);
}
