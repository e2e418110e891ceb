// A person's own account: name, language, password and sessions.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { Locale } from "~/generated/prisma/enums";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export async function getAccount(user: SessionUser, currentSessionId: string | undefined) {
  const [row, sessions] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { name: true, email: true, locale: true, role: true, institution: { select: { nameLv: true, nameEn: true } } },
    }),
    prisma.session.findMany({
      where: { userId: user.id, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, userAgent: true },
    }),
  ]);
  return {
    ...row,
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

/** Changes the password (the current one is asked for); every other session of the person ends. */
export const changePassword = command<{ currentSessionId: string | undefined; current: string; next: string }, undefined, SessionUser, string>({
  permission: null,
  // Checking and hashing are slow: done before the transaction.
  async prepare(actor, input) {
    const row = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, input.current))) return fail(400, { currentPassword: "account:errors.wrongPassword" });
    return ok(await hashPassword(input.next));
  },
  async run({ tx, actor }, input, passwordHash) {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: actor.id, id: { not: input.currentSessionId ?? "" } } });
    return ok();
  },
});

/** Ends one of the person's own sessions (not the one in use: that is "Sign out"). */
export const endSession = command<{ currentSessionId: string | undefined; sessionId: string }, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor }, input) {
    if (input.sessionId === input.currentSessionId) return fail(400, "account:errors.currentSession");
    const removed = await tx.session.deleteMany({ where: { id: input.sessionId, userId: actor.id } });
    return removed.count === 0 ? fail(404) : ok();
  },
});
