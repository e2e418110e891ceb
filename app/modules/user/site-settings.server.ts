// The settings an administrator changes in the app (/admin/sign-in): one row, made on first save.
// And what that page shows of single sign-on: the configured providers and where they lead.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { oidcProviders, redirectUri } from "~/utils/oidc-config.server";

export type SiteSettings = { localPasswords: boolean };

const DEFAULTS: SiteSettings = { localPasswords: true };

/** The current settings (the defaults until an administrator saves them). */
export async function getSiteSettings(db: Tx = prisma): Promise<SiteSettings> {
  const row = await db.siteSettings.findUnique({ where: { id: 1 }, select: { localPasswords: true } });
  return row ?? DEFAULTS;
}

/**
 * Whether everyone may sign in with a password: the setting says so, or no provider is configured
 * (passwords off then applies to nobody). Otherwise only administrators may.
 */
export async function passwordsForEveryone() {
  return (await getSiteSettings()).localPasswords || oidcProviders().length === 0;
}

/**
 * Who may sign in with a password: everyone, or (`localPasswords` false) only administrators, the
 * others through a provider. Audited when it changes.
 */
export const updateSiteSettings = command<SiteSettings>({
  permission: "admin:sign-in",
  async run({ tx, actor, emit }, input) {
    const before = await getSiteSettings(tx);
    if (before.localPasswords === input.localPasswords) return ok();
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await emit({ kind: "audit", action: "SETTINGS_UPDATE", actorId: actor.id, targetType: "SETTINGS", before, after: input });
    return ok();
  },
  // Two first saves at once: the second meets the first at the row's key.
  recover: async (error) => (isUniqueViolation(error) ? fail(409, "admin:signIn.errors.conflict") : undefined),
});

/**
 * The page /admin/sign-in: the setting, and each configured provider as an administrator registers
 * it at the provider (the addresses it sends people back to) with the institution its code names,
 * if any. Never the client secret.
 */
export async function signInOverview(user: SessionUser, origin: string) {
  requirePermission(user, "admin:sign-in");
  const providers = oidcProviders();
  const codes = [...new Set(providers.map((p) => p.institution).filter((c): c is string => !!c))];
  const [settings, institutions] = await Promise.all([
    getSiteSettings(),
    codes.length ? prisma.institution.findMany({ where: { code: { in: codes } }, select: { code: true, nameLv: true, nameEn: true, active: true } }) : [],
  ]);
  return {
    settings,
    providers: providers.map((p) => ({
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      redirectUri: redirectUri(origin, p.id),
      postLogoutUri: `${origin}/login`,
      institutionCode: p.institution,
      institution: institutions.find((i) => i.code === p.institution) ?? null,
    })),
  };
}
