// How people sign in, for administrators: the password and the identities at OpenID providers
// (single sign-on, docs/sso.md) of the people on a page of /admin/users and of one person, and
// linking a waiting identity or unlinking one on the person's page. Both changes are audited.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { oidcProviders } from "~/utils/oidc-config.server";

/**
 * A provider's display name in the reader's language (the Latvian one is in the genitive: the page
 * reads "<name> konts"), or, for an id no configured provider has any more, the id itself.
 */
export function providerLabel(providerId: string, locale: Locale) {
  const provider = oidcProviders().find((p) => p.id === providerId);
  return provider ? { name: provider.name[locale], known: true } : { name: providerId, known: false };
}

/**
 * The providers each person signs in with (linked identities only; a waiting one is not a way in
 * yet), for the people of one page of the list: one query, for those people alone.
 */
export async function signInProviders(user: SessionUser, userIds: number[], locale: Locale) {
  requirePermission(user, "admin:users");
  const byUser = new Map<number, { name: string; known: boolean }[]>();
  if (!userIds.length) return byUser;
  const rows = await prisma.userIdentity.findMany({
    where: { userId: { in: userIds }, linkedAt: { not: null } },
    select: { userId: true, provider: true },
    orderBy: [{ userId: "asc" }, { provider: "asc" }, { id: "asc" }],
  });
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    const label = providerLabel(row.provider, locale);
    if (!list.some((l) => l.name === label.name)) list.push(label);
    byUser.set(row.userId, list);
  }
  return byUser;
}

/** One person's identities at providers, linked and waiting, first seen first. */
export async function listIdentities(user: SessionUser, userId: number, locale: Locale) {
  requirePermission(user, "admin:users");
  const rows = await prisma.userIdentity.findMany({
    where: { userId },
    select: { id: true, provider: true, email: true, linkedAt: true, lastSignInAt: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => {
    const label = providerLabel(r.provider, locale);
    return {
      id: r.id,
      provider: r.provider,
      providerName: label.name,
      knownProvider: label.known,
      email: r.email,
      linkedAt: r.linkedAt?.toISOString() ?? null,
      lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/**
 * Links a waiting identity: the administrator vouches that the account at the provider is this
 * person's (instead of the person proving it with the local password). Already linked: nothing to do.
 * An identity that is not this person's is a 404.
 */
export const linkIdentity = command<{ userId: number; identityId: number }>({
  permission: "admin:users",
  async run({ tx, actor, emit, now }, { userId, identityId }) {
    const identity = await tx.userIdentity.findFirst({ where: { id: identityId, userId } });
    if (!identity) return fail(404);
    const linked = await tx.userIdentity.updateMany({ where: { id: identity.id, linkedAt: null }, data: { linkedAt: now } });
    if (linked.count === 0) return ok();
    await emit({
      kind: "audit",
      action: "IDENTITY_LINK",
      actorId: actor.id,
      targetType: "USER",
      targetId: userId,
      after: { provider: identity.provider, email: identity.email, how: "admin" },
    });
    return ok();
  },
});

/**
 * Unlinks an identity: its row goes, and with it the sessions signed in through it. The person may
 * sign in through that provider again only by linking it again. An identity that is not this
 * person's is a 404.
 */
export const unlinkIdentity = command<{ userId: number; identityId: number }>({
  permission: "admin:users",
  async run({ tx, actor, emit }, { userId, identityId }) {
    const identity = await tx.userIdentity.findFirst({ where: { id: identityId, userId } });
    if (!identity) return fail(404);
    // The database would end them with the row too (on delete cascade); ended here, they are counted.
    const ended = await tx.session.deleteMany({ where: { identityId: identity.id } });
    await tx.userIdentity.delete({ where: { id: identity.id } });
    await emit({
      kind: "audit",
      action: "IDENTITY_UNLINK",
      actorId: actor.id,
      targetType: "USER",
      targetId: userId,
      before: { provider: identity.provider, email: identity.email, linked: !!identity.linkedAt },
      after: { sessionsEnded: ended.count },
    });
    return ok();
  },
});
