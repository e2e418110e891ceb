// Reports of Content-Security-Policy violations, which browsers post to /csp-report: each becomes
// one compact line in the log (console.warn), at most a few a minute from one address.
import { CSP_REPORT_PATH } from "./security.js";

/** The content types browsers send reports as: report-uri's, and the Reporting API's. */
const REPORT_TYPES = ["application/csp-report", "application/reports+json", "application/json"];

/** At most this many violations are read from one report. */
const MAX_PER_REQUEST = 10;

/** @param {unknown} value @param {number} [max] */
function text(value, max = 200) {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value === "") return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * A page or script address as it may be logged: no query or fragment, and no long path segment
 * (a set-password link's token is one).
 * @param {unknown} value
 */
export function safeUrl(value) {
  if (typeof value !== "string" || value === "") return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return text(url.protocol.replace(/:$/, ""), 40);
    const segments = url.pathname.split("/").map((segment) => (segment.length > 24 ? "…" : segment));
    return text(`${url.origin}${segments.join("/")}`);
  } catch {
    // "inline", "eval", "self", "data" and the like.
    return text(value, 40);
  }
}

/**
 * @typedef {{ document?: string; directive?: string | number; blocked?: string; source?: string; line?: string | number; column?: string | number; sample?: string | number; disposition?: string | number }} Violation
 */

/**
 * The violations in a report body, in one shape whichever format the browser used:
 * `application/csp-report` (`{"csp-report": {...}}`, report-uri) or `application/reports+json`
 * (a list of `{type: "csp-violation", body: {...}}`, the Reporting API). Anything else: none.
 * @param {string | undefined} contentType
 * @param {Buffer | string | undefined} body
 * @returns {Violation[]}
 */
export function parseCspReport(contentType, body) {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (!REPORT_TYPES.includes(type) || !body) return [];
  let parsed;
  try {
    parsed = JSON.parse(body.toString());
  } catch {
    return [];
  }
  /** @type {Violation[]} */
  const found = [];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  for (const report of reports.slice(0, MAX_PER_REQUEST)) {
    if (!report || typeof report !== "object") continue;
    const legacy = report["csp-report"];
    if (legacy && typeof legacy === "object") {
      found.push({
        document: safeUrl(legacy["document-uri"]),
        directive: text(legacy["effective-directive"] ?? legacy["violated-directive"], 60),
        blocked: safeUrl(legacy["blocked-uri"]),
        source: safeUrl(legacy["source-file"]),
        line: text(legacy["line-number"], 10),
        column: text(legacy["column-number"], 10),
        sample: text(legacy["script-sample"], 80),
        disposition: text(legacy["disposition"], 10),
      });
    } else if (report.type === "csp-violation" && report.body && typeof report.body === "object") {
      const b = report.body;
      found.push({
        document: safeUrl(b.documentURL ?? report.url),
        directive: text(b.effectiveDirective, 60),
        blocked: safeUrl(b.blockedURL),
        source: safeUrl(b.sourceFile),
        line: text(b.lineNumber, 10),
        column: text(b.columnNumber, 10),
        sample: text(b.sample, 80),
        disposition: text(b.disposition, 10),
      });
    }
  }
  return found;
}

/**
 * Writes violations to the log, at most `perMinute` lines a minute for one address; the rest are
 * counted, and once that address's minute is over one line says how many were left out. Addresses
 * are forgotten when their minute is over (at most `maxAddresses` are remembered at once).
 */
export class CspReportLog {
  /**
   * @param {{ perMinute?: number; maxAddresses?: number; now?: () => number; write?: (line: string) => void }} [options]
   */
  constructor({ perMinute = 10, maxAddresses = 10_000, now = Date.now, write = (line) => console.warn(line) } = {}) {
    this.perMinute = perMinute;
    this.maxAddresses = maxAddresses;
    this.now = now;
    this.write = write;
    /** @type {Map<string, { start: number; logged: number; suppressed: number }>} */
    this.windows = new Map();
  }

  /**
   * @param {string} address
   * @param {Violation[]} violations
   */
  record(address, violations) {
    this.sweep();
    let window = this.windows.get(address);
    if (!window) {
      if (this.windows.size >= this.maxAddresses) this.close(/** @type {string} */ (this.windows.keys().next().value));
      window = { start: this.now(), logged: 0, suppressed: 0 };
      this.windows.set(address, window);
    }
    for (const violation of violations) {
      if (window.logged < this.perMinute) {
        window.logged += 1;
        this.write(JSON.stringify({ event: "csp-violation", address, ...violation }));
      } else {
        window.suppressed += 1;
      }
    }
  }

  /** Ends the minutes that are over, saying how many reports each left out. */
  sweep() {
    const now = this.now();
    for (const [address, window] of this.windows) if (now - window.start >= 60_000) this.close(address);
  }

  /** @param {string} address */
  close(address) {
    const window = this.windows.get(address);
    this.windows.delete(address);
    if (window?.suppressed) this.write(JSON.stringify({ event: "csp-violation-suppressed", address, suppressed: window.suppressed }));
  }
}

/**
 * The report endpoint, as Express middleware after the body limit (which has read the body into
 * `req.body`): POST only; answered 204 whatever it held, so a browser never retries.
 * @param {CspReportLog} log
 * @returns {import("express").RequestHandler}
 */
export function cspReportHandler(log) {
  return (req, res, next) => {
    if (req.path !== CSP_REPORT_PATH) return next();
    if (req.method !== "POST") {
      res.status(405).set("Allow", "POST").type("text/plain").send("Method Not Allowed");
      return;
    }
    const violations = parseCspReport(req.headers["content-type"], req.body);
    if (violations.length) log.record(req.ip ?? "unknown", violations);
    res.status(204).end();
  };
}
