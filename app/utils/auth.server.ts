// Who is signed in: the session cookie names a row in Session. Signing in itself (passwords,
// throttling, the audit log) is the user module's (app/modules/user/sign-in.server.ts).
import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Locale, Role } from "~/generated/prisma/enums";
import { prisma } from "./db.server";
import { invariantResponse } from "./http.server";
import { can, type Permission } from "./permissions";
import { noteSignedIn } from "./request-context.server";
import { SESSION_MAX_AGE_S, getSession, sessionStorage } from "./session.server";
import { safeRedirect } from "./safe-redirect";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  institutionId: number;
  /** Signing in asks for a code from an authenticator app after the password (getUser always says; absent counts as off). */
  twoFactor?: boolean;
};

/**
 * Starts a new session (a new id, never a reused one) and returns the Set-Cookie header. Signed in
 * through a provider, the session keeps the identity and the ID token that signing out there needs.
 */
export async function createUserSession(request: Request, userId: number, provider?: { identityId: number; idToken: string | null }) {
  const session = await getSession(request);
  const previous = session.get("sessionId");
  if (previous) await prisma.session.deleteMany({ where: { id: previous } });
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.$transaction([
    prisma.session.create({
      data: {
        id,
        userId,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
        userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
        identityId: provider?.identityId ?? null,
        idToken: provider?.idToken ?? null,
      },
    }),
    prisma.user.update({ where: { id: userId }, data: { lastSignInAt: now } }),
  ]);
  session.set("sessionId", id);
  session.flash("toast", { key: "toast.signedIn", type: "success" });
  noteSignedIn(userId);
  return sessionStorage.commitSession(session);
}

/** The Set-Cookie header that forgets the session in the browser (its row is ended by the user module's signOut). */
export async function clearSessionCookie(request: Request) {
  return sessionStorage.destroySession(await getSession(request));
}

const userCache = new WeakMap<Request, Promise<SessionUser | null>>();

type SessionRow = Omit<SessionUser, "twoFactor"> & { expiresAt: Date | string; active: boolean | number; totpEnabledAt: Date | string | null };

/** The signed-in, active user of this request, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let cached = userCache.get(request);
  if (!cached) {
    cached = (async () => {
      const session = await getSession(request);
      const id = session.get("sessionId");
      if (!id) return null;
      // One statement on every page: the session and its person, joined on the key.
      const [row] = await prisma.$queryRaw<SessionRow[]>`
        SELECT s."expiresAt", u."id", u."email", u."name", u."role", u."locale", u."institutionId", u."active", u."totpEnabledAt"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${id}`;
      if (!row || new Date(row.expiresAt) < new Date() || !row.active) return null;
      const user = { id: Number(row.id), email: row.email, name: row.name, role: row.role, locale: row.locale, institutionId: Number(row.institutionId) };
      noteSignedIn(user.id);
      return { ...user, twoFactor: !!row.totpEnabledAt };
    })();
    userCache.set(request, cached);
  }
  return cached;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = safeRedirect(url.pathname + url.search, "/");
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return user;
}

/** The one check of a permission in loaders and queries: 403 without it. */
export function requirePermission(user: { role: Role } | null, permission: Permission) {
  invariantResponse(can(user, permission), 403);
}

/**
 * The signed-in user with a permission (403 without it). The admin pages also need two-factor
 * sign-in: an administrator who has not enrolled is sent to enrol first.
 */
export async function requireUserWith(request: Request, permission: Permission) {
  const user = await requireUser(request);
  requirePermission(user, permission);
  if (permission.startsWith("admin:") && !user.twoFactor) throw redirect("/account/two-factor?required=1");
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/");
}
