// Administration of people: create (with a one-time link to set a password), change role and
// institution, deactivate and reactivate, a new link. Every change is audited. And the link's own
// page: setting the password with it.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { command, type CommandContext } from "~/core/command.server";
import { fail, ok, type Result } from "~/core/result";
import { composeSetPassword, mailLocale } from "~/modules/mail/compose.server";
import { sendWithSecret } from "~/modules/mail/outbox.server";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import type { Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { hashPassword } from "~/utils/password.server";
import { pageOf, pages } from "~/utils/query";
import { signInProviders } from "./identities.server";
import { passwordsForEveryone } from "./site-settings.server";
import { passwordProblem } from "./password-policy.server";
import { recordAttempt } from "./throttle.server";
import { TOKEN_HOURS, type UserListFilters } from "./users.schema";

export const USERS_PAGE = 50;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * A new one-time link (72 hours) for a user to set their password; earlier unused links stop working.
 * The administrator who made it sees it, so the audit log records that they did.
 */
async function issueToken({ tx, emit, actor, now }: CommandContext, userId: number) {
  const token = randomBytes(32).toString("base64url");
  await emit({ kind: "audit", action: "PASSWORD_LINK_ISSUE", actorId: actor.id, targetType: "USER", targetId: userId, after: { hours: TOKEN_HOURS } });
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordToken.create({ data: { userId, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + TOKEN_HOURS * 3600_000) } });
  return `/set-password/${token}`;
}

/**
 * A page of people, each with how they sign in (a password, the providers of their linked
 * identities, read for this page's people only) and when they last did.
 */
export async function listUsers(user: SessionUser, filters: UserListFilters, locale: Locale) {
  requirePermission(user, "admin:users");
  const where: Prisma.UserWhereInput = {
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.institution ? { institutionId: filters.institution } : {}),
    ...(filters.active ? { active: filters.active === "yes" } : {}),
    ...(filters.q ? { OR: [{ email: { contains: filters.q.toLowerCase() } }, { name: { contains: filters.q } }] } : {}),
  };
  const { skip, take, current } = pageOf(filters.page, USERS_PAGE);
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip,
      take,
      select: { id: true, email: true, name: true, role: true, active: true, institutionId: true, passwordHash: true, lastSignInAt: true },
    }),
    prisma.user.count({ where }),
  ]);
  const [providers, forEveryone] = await Promise.all([
    signInProviders(
      user,
      rows.map((r) => r.id),
      locale,
    ),
    passwordsForEveryone(),
  ]);
  const users = rows.map(({ passwordHash, lastSignInAt, ...r }) => ({
    ...r,
    password: passwordHash !== null,
    providers: providers.get(r.id) ?? [],
    lastSignInAt: lastSignInAt?.toISOString() ?? null,
  }));
  return { users, passwordsForEveryone: forEveryone, total, page: current, pages: pages(total, USERS_PAGE) };
}

/** One person, for their page under /admin/users; 404 when there is no such person. */
export async function getPerson(user: SessionUser, id: number) {
  requirePermission(user, "admin:users");
  const person = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, active: true, institutionId: true, passwordHash: true, lastSignInAt: true },
  });
  invariantResponse(person, 404);
  const { passwordHash, lastSignInAt, ...rest } = person;
  return { ...rest, password: passwordHash !== null, lastSignInAt: lastSignInAt?.toISOString() ?? null };
}

async function institutionExists(tx: Tx, id: number, allowInactive = false) {
  const institution = await tx.institution.findUnique({ where: { id } });
  return !!institution && (institution.active || allowInactive);
}

const duplicateEmail = () => fail(400, { email: "admin:users.errors.duplicate" });

/** A new person, who sets their password with the link this returns. */
export const createUser = command<{ email: string; name: string; role: Role; institutionId: number }, { userId: number; link: string }, SessionUser>({
  permission: "admin:users",
  // No password until the person sets theirs with the link (or signs in through a provider).
  async run(context, input) {
    const { tx, actor, emit } = context;
    if (!(await institutionExists(tx, input.institutionId))) return fail(400, { institutionId: "unknownInstitution" });
    if (await tx.user.findUnique({ where: { email: input.email } })) return duplicateEmail();
    const created = await tx.user.create({ data: { ...input, passwordHash: null } });
    await emit({ kind: "audit", action: "USER_CREATE", actorId: actor.id, targetType: "USER", targetId: created.id, after: input });
    return ok({ userId: created.id, link: await issueToken(context, created.id) });
  },
  // The same person created twice at once: the second meets the first at the unique e-mail.
  recover: async (error) => (isUniqueViolation(error) ? duplicateEmail() : undefined),
});

/** The active administrators other than `exceptId`. */
const otherActiveAdmins = (tx: Tx, exceptId: number) => tx.user.count({ where: { role: "ADMIN", active: true, id: { not: exceptId } } });

export const updateUser = command<{ userId: number; role: Role; institutionId: number }>({
  permission: "admin:users",
  async run({ tx, actor, emit }, input) {
    const target = await tx.user.findUnique({ where: { id: input.userId } });
    if (!target) return fail(404);
    if (!(await institutionExists(tx, input.institutionId, input.institutionId === target.institutionId)))
      return fail(400, { institutionId: "unknownInstitution" });
    if (target.role === "ADMIN" && input.role !== "ADMIN") {
      if (target.id === actor.id) return fail(400, { role: "admin:users.errors.selfDemotion" });
      if (target.active && (await otherActiveAdmins(tx, target.id)) === 0) return fail(400, { role: "admin:users.errors.lastAdmin" });
    }
    await tx.user.update({ where: { id: target.id }, data: { role: input.role, institutionId: input.institutionId } });
    await emit({
      kind: "audit",
      action: "USER_UPDATE",
      actorId: actor.id,
      targetType: "USER",
      targetId: target.id,
      before: { role: target.role, institutionId: target.institutionId },
      after: { role: input.role, institutionId: input.institutionId },
    });
    return ok();
  },
});

/** Deactivation ends the person's sessions at once; their ideas and comments stay. */
export const setUserActive = command<{ userId: number; active: boolean }>({
  permission: "admin:users",
  async run({ tx, actor, emit }, { userId, active }) {
    const target = await tx.user.findUnique({ where: { id: userId } });
    if (!target) return fail(404);
    if (!active) {
      if (target.id === actor.id) return fail(400, "admin:users.errors.selfDeactivation");
      if (target.role === "ADMIN" && (await otherActiveAdmins(tx, target.id)) === 0) return fail(400, "admin:users.errors.lastAdmin");
    }
    await tx.user.update({ where: { id: target.id }, data: { active } });
    if (!active) await tx.session.deleteMany({ where: { userId: target.id } });
    await emit({
      kind: "audit",
      action: active ? "USER_REACTIVATE" : "USER_DEACTIVATE",
      actorId: actor.id,
      targetType: "USER",
      targetId: target.id,
      before: { active: target.active },
      after: { active },
    });
    return ok();
  },
});

/** A new set-password link for an active person; their earlier links stop working. */
export const newPasswordLink = command<{ userId: number }, { userId: number; link: string }>({
  permission: "admin:users",
  async run(context, { userId }) {
    const target = await context.tx.user.findUnique({ where: { id: userId } });
    if (!target) return fail(404);
    if (!target.active) return fail(400, "admin:users.errors.inactive");
    return ok({ userId: target.id, link: await issueToken(context, target.id) });
  },
});

/**
 * E-mails a set-password link (absolute) to its person, when e-mail is set up. The outbox keeps the
 * message without the link. Returns what became of it, for the administrator to see.
 */
export async function mailSetPasswordLink(userId: number, link: string) {
  const person = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  const mail = await composeSetPassword(person, link, TOKEN_HOURS);
  const hidden = (await getFixedT(mailLocale(person.locale), "admin"))("outbox.hiddenLink");
  const status = await sendWithSecret(
    { userId, to: person.email, locale: mail.locale, kind: "SET_PASSWORD", subject: mail.subject, text: mail.text },
    link,
    hidden,
  );
  return { status, email: person.email };
}

/** The user a set-password link belongs to, or why it does not work (a used link is a 409). */
export async function checkToken(token: string, db: Tx = prisma): Promise<Result<{ tokenId: number; userId: number; email: string; name: string }>> {
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { email: true, name: true, active: true } } },
  });
  if (!row || !row.user.active) return fail(400, "admin:setPassword.invalid");
  if (row.usedAt) return fail(409, "admin:setPassword.used");
  if (row.expiresAt < new Date()) return fail(400, "admin:setPassword.expired");
  return ok({ tokenId: row.id, userId: row.userId, email: row.user.email, name: row.user.name });
}

/**
 * Sets the password once, if it passes the password rule; the link is used up, the person's other
 * sessions end, and they are told by e-mail.
 */
export const setPasswordWithToken = command<{ token: string; password: string; ip: string }, { email: string }, null, string>({
  permission: null,
  async prepare(_actor, input) {
    const check = await checkToken(input.token);
    if (!check.ok) return check;
    const problem = await passwordProblem(input.password, check.value);
    return problem ? fail(400, { password: problem }) : ok(await hashPassword(input.password));
  },
  async run({ tx, now, emit }, input, passwordHash) {
    const check = await checkToken(input.token, tx);
    if (!check.ok) return check;
    const { tokenId, userId, email } = check.value;
    const marked = await tx.passwordToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } });
    if (marked.count === 0) return fail(409, "admin:setPassword.used");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    const audit = { actorId: userId, targetType: "USER", targetId: userId, ip: input.ip } as const;
    await emit({ kind: "audit", action: "PASSWORD_LINK_USE", ...audit, after: { tokenId } });
    await emit({ kind: "audit", action: "PASSWORD_CHANGE", ...audit, after: { how: "link" } });
    await emit({ kind: "passwordChanged", userId, how: "link", ip: input.ip });
    // Whoever holds the link may set the password anyway: from this address, earlier failures stop counting.
    await recordAttempt(tx, { account: email, ip: input.ip, success: true });
    return ok({ email });
  },
});
