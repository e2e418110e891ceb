// Administration of people: create (with a one-time link to set a password), change role and
// institution, deactivate and reactivate. Every change is audited.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { audit } from "~/modules/audit/audit.server";
import { composeSetPassword, mailLocale } from "~/modules/mail/compose.server";
import { sendWithSecret } from "~/modules/mail/outbox.server";
import { i18next } from "~/utils/i18n.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";
import { can } from "~/utils/permissions";
import { TOKEN_HOURS } from "./users.schema";

export const USERS_PAGE = 50;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function requireAdmin(user: SessionUser) {
  if (!can(user, "admin:users")) httpError(403);
}

export type AdminResult = { ok: true; link?: string; userId?: number } | { ok: false; status: 400 | 409; field?: string; message: string };

/** A new one-time link (72 hours) for a user to set their password; earlier unused links stop working. */
async function issueToken(tx: Prisma.TransactionClient, userId: number) {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({ data: { userId, tokenHash: sha256(token), expiresAt: new Date(Date.now() + TOKEN_HOURS * 3600_000) } });
  return `/set-password/${token}`;
}

export async function listUsers(user: SessionUser, filters: { q?: string; role?: Role; institution?: number; active?: "yes" | "no"; page?: number }) {
  requireAdmin(user);
  const where: Prisma.UserWhereInput = {
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.institution ? { institutionId: filters.institution } : {}),
    ...(filters.active ? { active: filters.active === "yes" } : {}),
    ...(filters.q ? { OR: [{ email: { contains: filters.q.toLowerCase() } }, { name: { contains: filters.q } }] } : {}),
  };
  const page = filters.page ?? 1;
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (page - 1) * USERS_PAGE,
      take: USERS_PAGE,
      select: { id: true, email: true, name: true, role: true, active: true, institutionId: true },
    }),
    prisma.user.count({ where }),
  ]);
  return { users: rows, total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE)) };
}

async function institutionExists(id: number, allowInactive = false) {
  const institution = await prisma.institution.findUnique({ where: { id } });
  return !!institution && (institution.active || allowInactive);
}

export async function createUser(user: SessionUser, input: { email: string; name: string; role: Role; institutionId: number }): Promise<AdminResult> {
  requireAdmin(user);
  if (!(await institutionExists(input.institutionId))) return { ok: false, status: 400, field: "institutionId", message: "unknownInstitution" };
  if (await prisma.user.findUnique({ where: { email: input.email } })) return { ok: false, status: 400, field: "email", message: "admin:users.errors.duplicate" };
  // Nobody knows this password: the person sets theirs with the link.
  const passwordHash = await hashPassword(randomBytes(32).toString("hex"));
  try {
    const { link, userId } = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...input, passwordHash } });
      await audit({ actorId: user.id, action: "user.create", targetType: "user", targetId: created.id, after: input }, tx);
      return { link: await issueToken(tx, created.id), userId: created.id };
    });
    return { ok: true, link, userId };
  } catch (error) {
    // The same person created twice at once: the second meets the first at the unique e-mail.
    if (isUniqueViolation(error)) return { ok: false, status: 400, field: "email", message: "admin:users.errors.duplicate" };
    throw error;
  }
}

/** The active administrators other than `exceptId`. */
const otherActiveAdmins = (exceptId: number) => prisma.user.count({ where: { role: "ADMIN", active: true, id: { not: exceptId } } });

export async function updateUser(user: SessionUser, input: { userId: number; role: Role; institutionId: number }): Promise<AdminResult> {
  requireAdmin(user);
  const target = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!target) httpError(404);
  if (!(await institutionExists(input.institutionId, input.institutionId === target.institutionId))) {
    return { ok: false, status: 400, field: "institutionId", message: "unknownInstitution" };
  }
  if (target.role === "ADMIN" && input.role !== "ADMIN") {
    if (target.id === user.id) return { ok: false, status: 400, field: "role", message: "admin:users.errors.selfDemotion" };
    if (target.active && (await otherActiveAdmins(target.id)) === 0) return { ok: false, status: 400, field: "role", message: "admin:users.errors.lastAdmin" };
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { role: input.role, institutionId: input.institutionId } });
    await audit(
      { actorId: user.id, action: "user.update", targetType: "user", targetId: target.id, before: { role: target.role, institutionId: target.institutionId }, after: { role: input.role, institutionId: input.institutionId } },
      tx,
    );
  });
  return { ok: true };
}

/** Deactivation ends the person's sessions at once; their ideas and comments stay. */
export async function setActive(user: SessionUser, userId: number, active: boolean): Promise<AdminResult> {
  requireAdmin(user);
  const target = await prisma.user.findUnique({ where: { id: userId } });
  if (!target) httpError(404);
  if (!active) {
    if (target.id === user.id) return { ok: false, status: 400, message: "admin:users.errors.selfDeactivation" };
    if (target.role === "ADMIN" && (await otherActiveAdmins(target.id)) === 0) return { ok: false, status: 400, message: "admin:users.errors.lastAdmin" };
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { active } });
    if (!active) await tx.session.deleteMany({ where: { userId: target.id } });
    await audit({ actorId: user.id, action: active ? "user.reactivate" : "user.deactivate", targetType: "user", targetId: target.id, before: { active: target.active }, after: { active } }, tx);
  });
  return { ok: true };
}

export async function resetLink(user: SessionUser, userId: number): Promise<AdminResult> {
  requireAdmin(user);
  const target = await prisma.user.findUnique({ where: { id: userId } });
  if (!target) httpError(404);
  const link = await prisma.$transaction((tx) => issueToken(tx, target.id));
  return { ok: true, link, userId: target.id };
}

/**
 * E-mails a set-password link (absolute) to its person, when e-mail is set up. The outbox keeps the
 * message without the link. Returns what became of it, for the administrator to see.
 */
export async function mailSetPasswordLink(userId: number, link: string) {
  const person = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  if (!person) httpError(404);
  const mail = await composeSetPassword(person, link, TOKEN_HOURS);
  const hidden = (await i18next.getFixedT(mailLocale(person.locale), "admin"))("outbox.hiddenLink");
  const status = await sendWithSecret({ userId, to: person.email, locale: mail.locale, kind: "set-password", subject: mail.subject, text: mail.text }, link, hidden);
  return { status, email: person.email };
}

/** The user a set-password link belongs to, or why it does not work. */
export async function checkToken(token: string) {
  const row = await prisma.passwordToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { email: true, name: true, active: true } } } });
  if (!row || !row.user.active) return { ok: false as const, reason: "invalid" as const };
  if (row.usedAt) return { ok: false as const, reason: "used" as const };
  if (row.expiresAt < new Date()) return { ok: false as const, reason: "expired" as const };
  return { ok: true as const, tokenId: row.id, userId: row.userId, email: row.user.email, name: row.user.name };
}

/** Sets the password once; the link is used up and the person's other sessions end. */
export async function usePasswordToken(token: string, password: string) {
  const check = await checkToken(token);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(password);
  const used = await prisma.$transaction(async (tx) => {
    const marked = await tx.passwordToken.updateMany({ where: { id: check.tokenId, usedAt: null }, data: { usedAt: new Date() } });
    if (marked.count === 0) return false;
    await tx.user.update({ where: { id: check.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: check.userId } });
    return true;
  });
  return used ? { ok: true as const, email: check.email } : { ok: false as const, reason: "used" as const };
}
