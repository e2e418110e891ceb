import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "./env.server";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** A one-shot message shown on the next page: a translation key, and whether it is good news. */
export type Toast = { key: string; type: "success" | "error" };

/** The signed cookie holds the id of a row in Session (and one-shot toasts), nothing else. */
export const sessionStorage = createCookieSessionStorage<{ sessionId: string }, { toast: Toast }>({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    secrets: [env.sessionSecret],
    maxAge: SESSION_MAX_AGE_S,
  },
});

export function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
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
