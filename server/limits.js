// Request bodies: how large each kind of route may receive, read whole (and counted) before the app
// sees the request, so that neither a large body nor one the app never reads can tie up the server.
import { errorPage } from "./pages.js";

const KB = 1024;

/**
 * The largest body each kind of route accepts. Forms are URL-encoded, so a Latvian letter takes 6
 * bytes and some signs 9: the brief's fields (about 19,500 characters at most) stay under 180 KB at
 * worst, an experiment's cards under 140 KB. Sign-in, sign-out, the language and the like take a few
 * hundred bytes. Everything else (the board, the manage page, the administrators' and the account's
 * forms: at most 4,000 characters a field) fits in the default.
 */
export const BODY_LIMITS = { small: 16 * KB, standard: 64 * KB, large: 512 * KB };

const SMALL = ["/login", "/login/code", "/login/link", "/logout", "/language", "/notifications", "/csp-report"];
// The brief (new and edit), an idea's page (comments, facilitators' notes) and the experiments' cards.
const LARGE = [/^\/ideas\/new$/, /^\/ideas\/\d+$/, /^\/ideas\/\d+\/edit$/, /^\/ideas\/\d+\/experiments\/(new|\d+)$/];

/**
 * The body limit for a request, by its route's path (with or without the `.data` that Remix's
 * single fetch adds). GET and HEAD have no use for a body: the small limit. A path that
 * matches none of the lists (a misspelt or strangely encoded one too) gets the standard limit, so
 * only the routes named here can receive more.
 * @param {string} method
 * @param {string} pathname the URL's path, without its query
 */
export function bodyLimitFor(method, pathname) {
  if (method === "GET" || method === "HEAD") return BODY_LIMITS.small;
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    /* a malformed path: matched as it came */
  }
  // With JavaScript, Remix posts a form to its route's path with `.data` after it (single fetch).
  path =
    path
      .toLowerCase()
      .replace(/\/+$/, "")
      .replace(/\.data$/, "") || "/";
  if (SMALL.includes(path) || /^\/auth\/[^/]+$/.test(path)) return BODY_LIMITS.small;
  if (LARGE.some((pattern) => pattern.test(path))) return BODY_LIMITS.large;
  return BODY_LIMITS.standard;
}

/**
 * Whether a request carries a body (as Node's parser framed it: a length, or chunks).
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function hasBody(headers) {
  return headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0");
}

/**
 * Whether the declared length is already over the limit (a malformed one counts as over: Node
 * refuses those itself, so this is only a second line).
 * @param {string | undefined} contentLength
 * @param {number} limit
 */
export function declaredTooLarge(contentLength, limit) {
  if (contentLength === undefined) return false;
  if (!/^\d+$/.test(contentLength)) return true;
  return Number(contentLength) > limit;
}

/** How long a connection whose body was refused is kept open before it is destroyed. */
export const LINGER_MS = 2000;

/** Requests refused with 413, whose connections close by themselves (see refuseTooLarge). */
const refused = new WeakSet();

/**
 * Answers 413 with a small page in the person's language, with `Connection: close`. The connection
 * then closes the way servers close one whose request is still arriving (a "lingering close"): our
 * side is shut once the answer is out, nothing more is read (the client's sending stalls), and the
 * socket is destroyed LINGER_MS later. Destroyed at once, the client would get a reset while still
 * sending and might never read the 413.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function refuseTooLarge(req, res) {
  const socket = req.socket;
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  refused.add(req);
  // Node closes a `Connection: close` response's socket with destroySoon() once the answer is written.
  socket.destroySoon = () => {
    if (socket.destroyed) return;
    req.removeAllListeners("data");
    req.pause();
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(timer));
  };
  res.status(413).set("Connection", "close").type("html").send(errorPage(413, req.headers));
}

/**
 * The body limit, as Express middleware placed before anything reads the body or authenticates:
 *   - a declared length over the limit is answered 413 at once, before a byte of the body is read
 *     (and a client that asked `Expect: 100-continue` is never told to send it);
 *   - otherwise the body is read whole, counting the bytes as they come (chunked bodies too), and
 *     refused with 413 the moment it passes the limit;
 *   - a body within the limit is kept as `req.body` (a Buffer) for the Remix handler, so every
 *     route's request is complete before the app runs: a body the app never reads cannot be left
 *     in the connection to hold up the next request on it.
 * A 413 closes the connection. As a last guard, a response that finishes while its request is
 * neither complete nor being drained closes the connection too.
 * @param {{ limitFor?: (method: string, path: string) => number }} [options]
 * @returns {import("express").RequestHandler}
 */
export function bodyLimit({ limitFor = bodyLimitFor } = {}) {
  return (req, res, next) => {
    res.once("finish", () => {
      if (!refused.has(req) && !req.complete && !req.readableFlowing) req.socket?.destroy();
    });
    if (!hasBody(req.headers)) {
      req.body = undefined;
      return next();
    }
    const limit = limitFor(req.method, req.path);
    if (declaredTooLarge(req.headers["content-length"], limit)) return refuseTooLarge(req, res);
    // Asked with `Expect: 100-continue` (server/app.js, createServer): the client may now send it.
    if (/** @type {{ awaitingContinue?: boolean }} */ (req).awaitingContinue) res.writeContinue();

    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", stop);
      req.off("aborted", stop);
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        refuseTooLarge(req, res);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      req.body = Buffer.concat(chunks, size);
      next();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    // The client went away: nothing to answer.
    req.on("error", stop);
    req.on("aborted", stop);
  };
}
