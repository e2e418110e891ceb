// Signing in in more than one request, each step in a signed, httpOnly cookie of its own (no session
// exists until the last step succeeds):
//   - the second step (two-factor): the person whose first factor (a password, or a provider) was
//     right, for five minutes;
//   - at the provider: the state of the sign-in request this browser started, for ten minutes, so an
//     answer started in another browser is refused;
//   - linking: the provider's identity waiting for the person to prove the local account is theirs.
import { createCookie } from "@remix-run/node";
import { env } from "~/utils/env.server";

const PENDING_S = 5 * 60;
const PROVIDER_S = 10 * 60;

const signedCookie = (name: string, maxAge: number) =>
  createCookie(env.secureCookies ? `__Host-${name}` : name, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    secrets: [env.sessionSecret],
    maxAge,
  });

/**
 * Signed in through a provider: the identity, and the ID token its sign-out needs. `link`: the
 * identity is linked once the second step is done (the password was right, the code is still to come).
 */
export type ProviderSession = { identityId: number; idToken: string | null; provider?: string; link?: boolean };

/**
 * The longest ID token a cookie carries: browsers drop a cookie over 4 KB whole. A longer one (many
 * group claims, say) is left out; signing out at the provider then names the app instead (client_id).
 */
const COOKIE_ID_TOKEN_MAX = 2000;
const fitting = (provider: ProviderSession): ProviderSession => ({
  ...provider,
  idToken: provider.idToken && provider.idToken.length <= COOKIE_ID_TOKEN_MAX ? provider.idToken : null,
});

type Pending = { userId: number; until: number; redirectTo: string; provider?: ProviderSession };

const cookie = signedCookie("signin", PENDING_S);

/** The Set-Cookie header that starts the second step for this person. */
export function startPendingSignIn(userId: number, redirectTo: string, provider?: ProviderSession) {
  return cookie.serialize({ userId, until: Date.now() + PENDING_S * 1000, redirectTo, provider: provider && fitting(provider) } satisfies Pending);
}

const isProviderSession = (value: unknown): value is ProviderSession =>
  !!value &&
  typeof (value as ProviderSession).identityId === "number" &&
  (typeof (value as ProviderSession).idToken === "string" || (value as ProviderSession).idToken === null);

/** The person waiting for the second step, or null (none, expired, or tampered with). */
export async function pendingSignIn(request: Request): Promise<Omit<Pending, "until"> | null> {
  const value = (await cookie.parse(request.headers.get("Cookie"))) as Pending | null;
  if (!value || typeof value.userId !== "number" || typeof value.until !== "number" || value.until < Date.now()) return null;
  const provider = isProviderSession(value.provider)
    ? {
        identityId: value.provider.identityId,
        idToken: value.provider.idToken,
        provider: String(value.provider.provider ?? ""),
        link: value.provider.link === true,
      }
    : undefined;
  return { userId: value.userId, redirectTo: typeof value.redirectTo === "string" ? value.redirectTo : "/", provider };
}

/** The Set-Cookie header that ends the second step (signed in, or gave up). */
export function endPendingSignIn() {
  return cookie.serialize("", { maxAge: 0 });
}

const stateCookie = signedCookie("sso", PROVIDER_S);

/** The Set-Cookie header that ties the sign-in request at the provider to this browser. */
export function rememberProviderState(state: string) {
  return stateCookie.serialize({ state });
}

/** The state this browser started a sign-in with, or null. */
export async function providerState(request: Request): Promise<string | null> {
  const value = (await stateCookie.parse(request.headers.get("Cookie"))) as { state?: unknown } | null;
  return typeof value?.state === "string" ? value.state : null;
}

export function forgetProviderState() {
  return stateCookie.serialize("", { maxAge: 0 });
}

type PendingLink = ProviderSession & { until: number; redirectTo: string };

const linkCookie = signedCookie("link", PROVIDER_S);

/** The Set-Cookie header that remembers the identity waiting to be linked to an existing account. */
export function startPendingLink(link: ProviderSession & { redirectTo: string }) {
  return linkCookie.serialize({ ...link, ...fitting(link), until: Date.now() + PROVIDER_S * 1000 } satisfies PendingLink);
}

export async function pendingLink(request: Request): Promise<Omit<PendingLink, "until"> | null> {
  const value = (await linkCookie.parse(request.headers.get("Cookie"))) as PendingLink | null;
  if (!value || !isProviderSession(value) || typeof value.until !== "number" || value.until < Date.now()) return null;
  return { identityId: value.identityId, idToken: value.idToken, redirectTo: typeof value.redirectTo === "string" ? value.redirectTo : "/" };
}

export function endPendingLink() {
  return linkCookie.serialize("", { maxAge: 0 });
}
