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
