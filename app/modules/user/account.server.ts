// A person's own account: name, language, password and sessions.
import { createHash } from "node:crypto";
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { Locale } from "~/generated/prisma/enums";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { passwordProblem } from "./password-policy.server";
import { beginAttempt, type Refusal, settleAttempt, throttledMessage } from "./throttle.server";

export async function getAccount(user: SessionUser, currentSessionId: string | undefined) {
  const [row, sessions] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        name: true,
        email: true,
        locale: true,
        role: true,
        passwordHash: true,
        institution: { select: { nameLv: true, nameEn: true } },
        identities: { where: { linkedAt: { not: null } }, select: { provider: true }, orderBy: { id: "asc" } },
      },
    }),
    prisma.session.findMany({
      where: { userId: user.id, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, userAgent: true },
    }),
  ]);
  const { passwordHash, identities, ...rest } = row;
  return {
    ...rest,
    // How the person signs in: a password of their own, and the providers' ids (the page names them).
    hasPassword: passwordHash !== null,
    providers: [...new Set(identities.map((i) => i.provider))],
    sessions: sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), userAgent: s.userAgent ?? "", current: s.id === currentSessionId })),
  };
}

export const updateProfile = command<{ name: string; locale?: Locale }, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor }, input) {
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name, locale: input.locale ?? null } });
    return ok();
  },
});

/** The language switcher, for a signed-in person: the choice follows them to other devices. */
export const setLanguage = command<{ locale: Locale }, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor }, input) {
    await tx.user.update({ where: { id: actor.id }, data: { locale: input.locale } });
    return ok();
  },
});

type PasswordCheck =
  | { email: string; refused: Refusal }
  | { email: string; refused: null; attemptId: number; valid: boolean; problem: string | null; passwordHash: string | null };

/**
 * Changes the password. The current one is asked for, throttled like signing in by (the person's
 * e-mail, the address), each wrong one recorded and audited; the new one must pass the password rule.
 * Every other session of the person ends, and they are told by e-mail.
 */
export const changePassword = command<
  { currentSessionId: string | undefined; current: string; next: string; ip: string },
  undefined,
  SessionUser,
  PasswordCheck
>({
  permission: null,
  // A wrong current password is itself a record: its attempt and audit entry are kept.
  commitFailures: true,
  // Checking and hashing are slow: done before the transaction.
  async prepare(actor, input) {
    const row = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, name: true, passwordHash: true } });
    const start = await beginAttempt(row.email, input.ip);
    if (!start.allowed) return ok({ email: row.email, refused: { retryAfterS: start.retryAfterS, rule: start.rule } });
    const [valid, problem] = await Promise.all([verifyPassword(row.passwordHash, input.current), passwordProblem(input.next, row)]);
    const passwordHash = valid && !problem ? await hashPassword(input.next) : null;
    return ok({ email: row.email, refused: null, attemptId: start.attemptId, valid, problem, passwordHash });
  },
  async run({ tx, actor, emit }, input, check) {
    const audit = { actorId: actor.id, targetType: "USER", targetId: actor.id, ip: input.ip } as const;
    if (check.refused) {
      const { retryAfterS, rule } = check.refused;
      await emit({ kind: "audit", action: "PASSWORD_CHECK_FAILED", ...audit, after: { reason: "throttled", rule, retryAfterS } });
      return fail(429, { currentPassword: throttledMessage(retryAfterS) });
    }
    await settleAttempt(tx, check.attemptId, check.valid);
    if (!check.valid) {
      await emit({ kind: "audit", action: "PASSWORD_CHECK_FAILED", ...audit, after: { reason: "invalid" } });
      return fail(400, { currentPassword: "account:errors.wrongPassword", ...(check.problem ? { newPassword: check.problem } : {}) });
    }
    if (check.problem || !check.passwordHash) return fail(400, { newPassword: check.problem ?? "invalid" });
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash: check.passwordHash } });
    await tx.session.deleteMany({ where: { userId: actor.id, id: { not: input.currentSessionId ?? "" } } });
    await emit({ kind: "audit", action: "PASSWORD_CHANGE", ...audit, after: { how: "account" } });
    await emit({ kind: "passwordChanged", userId: actor.id, how: "account", ip: input.ip });
    return ok();
  },
});

/** Ends one of the person's own sessions (not the one in use: that is "Sign out"). */
export const endSession = command<{ currentSessionId: string | undefined; sessionId: string }, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor, emit }, input) {
    if (input.sessionId === input.currentSessionId) return fail(400, "account:errors.currentSession");
    const removed = await tx.session.deleteMany({ where: { id: input.sessionId, userId: actor.id } });
    if (removed.count === 0) return fail(404);
    // The log names the session by a short digest of its id, never by the id (which is a credential).
    const session = createHash("sha256").update(input.sessionId).digest("hex").slice(0, 12);
    await emit({ kind: "audit", action: "SESSION_END", actorId: actor.id, targetType: "SESSION", targetId: session, after: { userId: actor.id } });
    return ok();
  },
});
