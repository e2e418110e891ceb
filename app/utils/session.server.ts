import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { env } from "./env.server";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The signed cookie holds the id of a row in Session (and one-shot toasts), nothing else. */
export const sessionStorage = createCookieSessionStorage<
  { sessionId: string },
  { toast: { key: string; type: "success" | "error" } }
>({
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

/** Sets a toast (a translation key) to show once on the next page, and returns the Set-Cookie header. */
export async function flashToast(request: Request, key: string, type: "success" | "error" = "success") {
  const session = await getSession(request);
  session.flash("toast", { key, type });
  return sessionStorage.commitSession(session);
}

/** The id of the request's session row, if it carries one. */
export async function currentSessionId(request: Request) {
  return (await getSession(request)).get("sessionId");
}
