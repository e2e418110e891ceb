// HTTP security applied to every response of the server, documents and static files alike.
import { randomBytes } from "node:crypto";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** A new nonce for each response's scripts. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * The security headers of one response. Scripts run only with the nonce; styles come from our own
 * origin (style attributes are allowed: drag-and-drop positions cards with them).
 * @param {string} nonce
 * @param {{ development?: boolean }} [options]
 */
export function securityHeaders(nonce, options = {}) {
  const connect = options.development ? "'self' ws: wss:" : "'self'";
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
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
