import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "./db.server";
import { can, type Permission } from "./permissions";
import { SESSION_MAX_AGE_S, getSession, sessionStorage } from "./session.server";
import { safeRedirect } from "./safe-redirect";
import { audit } from "~/modules/audit/audit.server";
import { hashPassword, verifyPassword } from "./password.server";

export { hashPassword, verifyPassword };

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  institutionId: number;
};

// Verified against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

/** True when the e-mail or the address has failed THROTTLE_MAX_FAILURES times within the window. */
export async function isThrottled(email: string, ip: string) {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= THROTTLE_MAX_FAILURES || byIp >= THROTTLE_MAX_FAILURES;
}

export type LoginResult = { ok: true; userId: number } | { ok: false; reason: "invalid" | "throttled" };

export async function login(emailInput: string, password: string, ip: string): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  if (await isThrottled(email, ip)) {
    await audit({ actorId: null, action: "auth.sign-in-failed", targetType: "user", after: { email, reason: "throttled" }, ip });
    return { ok: false, reason: "throttled" };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(16).toString("hex"))), password);
  const success = !!user && user.active && valid;
  await prisma.loginAttempt.create({ data: { email, ip, success } });
  await audit(
    success
      ? { actorId: user.id, action: "auth.sign-in", targetType: "user", targetId: user.id, ip }
      : { actorId: null, action: "auth.sign-in-failed", targetType: "user", targetId: user?.id, after: { email, reason: user && !user.active ? "inactive" : "invalid" }, ip },
  );
  return success ? { ok: true, userId: user.id } : { ok: false, reason: "invalid" };
}

/** Starts a new session (a new id, never a reused one) and returns the Set-Cookie header. */
export async function createUserSession(request: Request, userId: number) {
  const session = await getSession(request);
  const previous = session.get("sessionId");
  if (previous) await prisma.session.deleteMany({ where: { id: previous } });
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  session.set("sessionId", id);
  session.flash("toast", { key: "toast.signedIn", type: "success" });
  return sessionStorage.commitSession(session);
}

export async function logout(request: Request) {
  const session = await getSession(request);
  const id = session.get("sessionId");
  if (id) await prisma.session.deleteMany({ where: { id } });
  return sessionStorage.destroySession(session);
}

const userCache = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in, active user of this request, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let cached = userCache.get(request);
  if (!cached) {
    cached = (async () => {
      const session = await getSession(request);
      const id = session.get("sessionId");
      if (!id) return null;
      const row = await prisma.session.findUnique({
        where: { id },
        select: {
          expiresAt: true,
          user: { select: { id: true, email: true, name: true, role: true, locale: true, institutionId: true, active: true } },
        },
      });
      if (!row || row.expiresAt < new Date() || !row.user.active) return null;
      const { active: _active, ...user } = row.user;
      return user;
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

export function requirePermission(user: SessionUser, permission: Permission) {
  if (!can(user, permission)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export async function requireUserWith(request: Request, permission: Permission) {
  const user = await requireUser(request);
  requirePermission(user, permission);
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/");
}
