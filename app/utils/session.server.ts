import { createCookie, createCookieSessionStorage, createSession, redirect } from "@remix-run/node";
import { env } from "./env.server";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** A one-shot message shown on the next page: a translation key, and whether it is good news. */
export type Toast = { key: string; type: "success" | "error" };

type SessionData = { sessionId: string };
type SessionFlashData = { toast: Toast };

/**
 * The session cookie's name. In production it is `__Host-session`: the browser then takes it only
 * with Secure, Path=/ and no Domain, from this very host over HTTPS, so neither a sibling subdomain
 * nor a plain-http page can set or overwrite it. On a workstation (plain http) `__Host-` cookies are
 * refused, so it is `__session` there.
 */
export const SESSION_COOKIE_NAME = env.secureCookies ? "__Host-session" : "__session";

/** The signed cookie holds the id of a row in Session (and one-shot toasts), nothing else. */
const sessionCookie = createCookie(SESSION_COOKIE_NAME, {
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  path: "/",
  secrets: [env.sessionSecret],
  maxAge: SESSION_MAX_AGE_S,
});

export const sessionStorage = createCookieSessionStorage<SessionData, SessionFlashData>({ cookie: sessionCookie });

// The cookie's data: the session id and any one-shot values, as the cookie session storage keeps them.
const parsed = new WeakMap<Request, Promise<Record<string, unknown>>>();

/**
 * The request's session. The cookie is checked and decoded once per request (the root, the user,
 * the language and the page all ask); each call gets a session object of its own made from that
 * data, so a caller that sets, flashes or reads a one-shot value and commits sees exactly what a
 * fresh parse would have given it, and never another caller's changes.
 */
export async function getSession(request: Request) {
  let data = parsed.get(request);
  if (!data) {
    const header = request.headers.get("Cookie");
    data = (async () => (header && (await sessionCookie.parse(header))) || {})();
    parsed.set(request, data);
  }
  return createSession<SessionData, SessionFlashData>({ ...(await data) } as SessionData);
}

/** The language chosen with the switcher, for a year. */
export const localeCookie = createCookie("lng", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

/** Redirects to `to` with a toast (a translation key, good news unless said otherwise) shown once there. */
export async function redirectWithToast(request: Request, to: string, toast: string | Toast, headers?: HeadersInit) {
  const session = await getSession(request);
  session.flash("toast", typeof toast === "string" ? { key: toast, type: "success" } : toast);
  const all = new Headers(headers);
  all.append("Set-Cookie", await sessionStorage.commitSession(session));
  return redirect(to, { headers: all });
}

/** The id of the request's session row, if it carries one. */
export async function currentSessionId(request: Request) {
  return (await getSession(request)).get("sessionId");
}
