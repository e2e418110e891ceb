// A person's own account: name, language, password and sessions.
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export async function getAccount(user: SessionUser, currentSessionId: string | undefined) {
  const [row, sessions] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true, locale: true, role: true, institution: { select: { nameLv: true, nameEn: true } } } }),
    prisma.session.findMany({ where: { userId: user.id, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true, userAgent: true } }),
  ]);
  return {
    ...row,
    sessions: sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), userAgent: s.userAgent ?? "", current: s.id === currentSessionId })),
  };
}

export async function updateProfile(user: SessionUser, name: string, locale: "lv" | "en" | undefined) {
  await prisma.user.update({ where: { id: user.id }, data: { name, locale: locale ?? null } });
}

/** Changes the password; every other session of the person ends. False when the current password is wrong. */
export async function changePassword(user: SessionUser, currentSessionId: string | undefined, current: string, next: string) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    prisma.session.deleteMany({ where: { userId: user.id, id: { not: currentSessionId ?? "" } } }),
  ]);
  return true;
}

/** Ends one of the person's own sessions (not the one in use: that is "Sign out"). */
export async function endSession(user: SessionUser, currentSessionId: string | undefined, sessionId: string) {
  if (sessionId === currentSessionId) httpError(400);
  const removed = await prisma.session.deleteMany({ where: { id: sessionId, userId: user.id } });
  if (removed.count === 0) httpError(404);
}
