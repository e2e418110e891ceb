// HTTP security applied to every response of the server, documents and static files alike.
import { randomBytes } from "node:crypto";
import net from "node:net";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** A new nonce for each response's scripts. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/** Where browsers send reports of what the CSP blocked (server/csp-report.js). */
export const CSP_REPORT_PATH = "/csp-report";

/**
 * The security headers of one response. Scripts run only with the nonce; styles come from our own
 * origin (style attributes are allowed: drag-and-drop positions cards with them). What the policy
 * blocks is reported to CSP_REPORT_PATH: `report-uri` for browsers without the Reporting API,
 * `report-to` with the Reporting-Endpoints header for those with it.
 * Forms may post only to this origin, and to the sign-in providers' (`formActions`): the buttons that
 * sign in and out through a provider answer with a redirect there, which browsers check against it.
 * @param {string} nonce
 * @param {{ development?: boolean, formActions?: string[] }} [options]
 */
export function securityHeaders(nonce, options = {}) {
  const connect = options.development ? "'self' ws: wss:" : "'self'";
  const formAction = ["'self'", ...(options.formActions ?? [])].join(" ");
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connect}`,
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
      `report-uri ${CSP_REPORT_PATH}`,
      "report-to csp-endpoint",
    ].join("; "),
    "Reporting-Endpoints": `csp-endpoint="${CSP_REPORT_PATH}"`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}

/** The methods the app answers; anything else (TRACE, PUT, PROPFIND…) gets 405 before the app sees it. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/** @param {string} method */
export function methodAllowed(method) {
  return ALLOWED_METHODS.includes(method.toUpperCase());
}

/**
 * Headers that depend on how the request came: pages and data are never stored by a browser or a
 * proxy (they depend on who is signed in; a route that may be cached says so itself), and over
 * HTTPS in production the browser is told to use HTTPS only, for a year, subdomains included.
 * @param {{ secure: boolean; production: boolean }} request
 */
export function responseHeaders({ secure, production }) {
  /** @type {Record<string, string>} */
  const headers = { "Cache-Control": "no-store" };
  if (secure && production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * True for a state-changing request sent from another site: its Origin names another host, or,
 * without an Origin, the browser says the request is cross-site.
 * @param {string} method
 * @param {Record<string, string | string[] | undefined>} headers lower-case names, as Node gives them
 */
export function isCrossSiteRequest(method, headers) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers["origin"];
  const host = headers["x-forwarded-host"] ?? headers["host"];
  if (typeof origin === "string" && origin !== "") {
    if (origin === "null") return true;
    try {
      return new URL(origin).host !== String(host);
    } catch {
      return true;
    }
  }
  return headers["sec-fetch-site"] === "cross-site";
}

/**
 * The `trust proxy` setting from TRUST_PROXY: how many proxies stand in front of the server (`1`),
 * or the addresses and networks of the proxies that are trusted (`10.0.0.2, 10.1.0.0/16`, and
 * Express's names `loopback`, `linklocal`, `uniquelocal`). The client's address is then the one the
 * nearest untrusted hop gave, so a client cannot choose it by sending X-Forwarded-For itself.
 * `true` would trust every hop (the left-most address, which the client writes): it is taken as one
 * proxy, with a warning. Unset, empty, `false` or `0`: no proxy is trusted. Anything else is refused.
 * @param {string | undefined} value
 * @returns {{ setting: false | number | string[]; warning?: string }}
 */
export function parseTrustProxy(value) {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "false" || raw === "0") return { setting: false };
  if (raw === "true") {
    return {
      setting: 1,
      warning:
        "TRUST_PROXY=true would trust any X-Forwarded-For a client sends; taken as TRUST_PROXY=1 (one proxy in front). Set the number of proxies or their addresses instead.",
    };
  }
  if (/^\d+$/.test(raw)) return { setting: Number(raw) };
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isTrustedProxyEntry(entry));
  if (bad.length) {
    throw new Error(
      `TRUST_PROXY: not a number of proxies, an address or a network: ${bad.join(", ")}. Example: TRUST_PROXY=1 or TRUST_PROXY=10.0.0.2,10.1.0.0/16`,
    );
  }
  return { setting: entries };
}

/** @param {string} entry an address, an address/prefix or one of Express's names */
function isTrustedProxyEntry(entry) {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const version = net.isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  if (net.isIPv4(prefix)) return version === 4;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * How the Remix handler and Express show errors: with details only when NODE_ENV is
 * `development`; unset (a bare `node server/index.js`) is treated as production, so no stack trace
 * ever reaches a browser.
 * @param {string | undefined} nodeEnv
 * @returns {"development" | "production"}
 */
export function errorMode(nodeEnv) {
  return nodeEnv === "development" ? "development" : "production";
}
