// Signing in through an OpenID provider (docs/sso.md). The identity is the issuer and subject, never
// the e-mail. A person the app has not met gets an account (a submitter, in the institution their
// e-mail's domain maps to, or else the provider's); a person whose e-mail already has an account
// links it by proving it is theirs (its password, once) or by an administrator's link. Every
// sign-in, refusal, provisioning and link is in the audit log.
import { createHash } from "node:crypto";
import { command } from "~/core/command.server";
import { fail, ok, type Failure } from "~/core/result";
import { noEntryThisMinute, oncePerMinute } from "~/modules/audit/refusals.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { errorMessage } from "~/utils/i18n";
import type { OidcProvider } from "~/utils/oidc-config.server";
import { type CallbackRefusal, finishAuthorization, startAuthorization } from "./oidc.server";

/** How long a person has at the provider before the sign-in must start again. */
export const SIGN_IN_REQUEST_TTL_MS = 10 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Why a sign-in through a provider was refused (the audit log's reason; the page's message key). */
export type SsoRefusal = CallbackRefusal | "state" | "claims" | "unverified" | "foreign_domain" | "inactive" | "no_institution";

const STATUS: Record<SsoRefusal, 400 | 403> = {
  state: 400,
  provider_error: 400,
  code: 400,
  audience: 400,
  issuer: 400,
  nonce: 400,
  expired: 400,
  unavailable: 400,
  failed: 400,
  claims: 400,
  unverified: 400,
  foreign_domain: 403,
  inactive: 403,
  no_institution: 403,
};

/** The refusal's message: "auth:sso.errors.<reason>", with what the page needs to say it. */
function refusal(reason: SsoRefusal, params: Record<string, unknown> = {}): Failure {
  return fail(STATUS[reason], errorMessage(`auth:sso.errors.${reason}`, params));
}

export type SignInStart = { url: string; state: string } | { unavailable: true };

/** Sends the person to the provider: a one-use request (its state's hash) waits for them to come back. */
export const startProviderSignIn = command<
  { provider: OidcProvider; redirectUri: string; redirectTo: string; locale: string },
  SignInStart,
  null,
  Awaited<ReturnType<typeof startAuthorization>> | null
>({
  permission: null,
  async prepare(_actor, input) {
    try {
      return ok(await startAuthorization(input.provider, input.redirectUri, input.locale));
    } catch (error) {
      // The provider's metadata could not be read: the sign-in page says so, and the log says why.
      console.warn(`Single sign-on: the provider ${input.provider.id} (${input.provider.issuer}) could not be reached: ${(error as Error).message}`);
      return ok(null);
    }
  },
  async run({ tx, now }, input, start) {
    if (!start) return ok({ unavailable: true as const });
    await tx.signInRequest.create({
      data: {
        stateHash: sha256(start.state),
        provider: input.provider.id,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        redirectTo: input.redirectTo,
        expiresAt: new Date(now.getTime() + SIGN_IN_REQUEST_TTL_MS),
      },
    });
    return ok({ url: start.url.href, state: start.state });
  },
});

type Verified = { issuer: string; subject: string; email: string; name: string; idToken: string; redirectTo: string };
type Checked = { refused: SsoRefusal; detail: string; params?: Record<string, unknown> } | ({ refused: null } & Verified);

export type ProviderSignIn =
  | { kind: "signedIn"; userId: number; identityId: number; idToken: string; secondFactor: boolean; redirectTo: string }
  /** The e-mail has an account the identity is not yet linked to: the person proves it is theirs. */
  | { kind: "link"; identityId: number; idToken: string; redirectTo: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function claimText(claims: Record<string, unknown>, name: string) {
  const value = claims[name];
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/** A name for the account when the provider gives none: the e-mail's local part. */
function nameFrom(name: string, email: string) {
  const cleaned = name.replace(/\s+/g, " ").slice(0, 200).trim();
  return cleaned.length >= 2 ? cleaned : email.split("@")[0];
}

/** The institution a new person belongs to: their e-mail's domain's, or else the provider's. */
async function institutionFor(tx: Tx, email: string, provider: OidcProvider) {
  const domain = email.split("@")[1];
  const mapped = await tx.institutionDomain.findUnique({ where: { domain }, select: { institution: { select: { id: true, code: true, active: true } } } });
  if (mapped?.institution.active) return mapped.institution;
  if (provider.institution) {
    const own = await tx.institution.findUnique({ where: { code: provider.institution }, select: { id: true, code: true, active: true } });
    if (own?.active) return own;
  }
  return null;
}

/**
 * The provider sent the person back. Checks, before the transaction: the state is this browser's
 * (the cookie) and a request not yet used (taken once, whichever server process answers), then the
 * code's exchange and the ID token (issuer, audience, nonce, expiry) through openid-client. Then
 * finds the person by issuer and subject, or makes their account.
 */
export const finishProviderSignIn = command<
  { provider: OidcProvider; callbackUrl: URL; browserState: string | null; ip: string },
  ProviderSignIn,
  null,
  Checked
>({
  permission: null,
  // A refusal is itself a record: its audit entry is kept.
  commitFailures: true,
  async prepare(_actor, { provider, callbackUrl, browserState }) {
    const state = callbackUrl.searchParams.get("state");
    if (!state || !browserState || state !== browserState)
      return ok({ refused: "state" as const, detail: state ? "state differs from the browser's" : "no state" });
    const stateHash = sha256(state);
    const request = await prisma.signInRequest.findUnique({ where: { stateHash } });
    // Taking the request is what makes it one-use: of two answers with the same state, one deletes it.
    const taken = request ? (await prisma.signInRequest.deleteMany({ where: { stateHash } })).count === 1 : false;
    if (!request || !taken) return ok({ refused: "state" as const, detail: "no such request, or already used" });
    if (request.provider !== provider.id) return ok({ refused: "state" as const, detail: `request was for ${request.provider}` });
    if (request.expiresAt < new Date()) return ok({ refused: "state" as const, detail: "request expired" });

    const answer = await finishAuthorization(provider, callbackUrl, { state, nonce: request.nonce, codeVerifier: request.codeVerifier });
    if (!answer.ok) return ok({ refused: answer.reason, detail: answer.detail });
    const { claims } = answer;
    const subject = claimText(claims, provider.claims.subject);
    const email = claimText(claims, provider.claims.email).toLowerCase();
    const issuer = claimText(claims, "iss");
    if (!subject || !issuer) return ok({ refused: "claims" as const, detail: `no ${provider.claims.subject}` });
    if (!EMAIL.test(email) || email.length > 254) return ok({ refused: "claims" as const, detail: `no usable ${provider.claims.email}` });
    // Some providers send the claim as a string.
    if (claims.email_verified === false || claims.email_verified === "false") return ok({ refused: "unverified" as const, detail: "email_verified is false" });
    // A provider trusted for some domains only may not vouch for an address elsewhere.
    const domain = email.split("@")[1];
    if (provider.domains && !provider.domains.includes(domain))
      return ok({ refused: "foreign_domain" as const, detail: `${domain} is not among the provider's domains`, params: { domain } });
    return ok({
      refused: null,
      issuer,
      subject,
      email,
      name: nameFrom(claimText(claims, provider.claims.name), email),
      idToken: answer.idToken,
      redirectTo: request.redirectTo,
    });
  },
  async run({ tx, now, emit }, { provider, ip }, checked) {
    const refuse = async (reason: SsoRefusal, detail: string, userId?: number, params?: Record<string, unknown>) => {
      await emit({
        kind: "audit",
        action: "SIGN_IN_FAILED",
        actorId: null,
        targetType: "USER",
        targetId: userId,
        after: { provider: provider.id, reason, detail: detail.slice(0, 300), ...("email" in checked ? { email: checked.email } : {}) },
        ip,
      });
      return refusal(reason, { provider: provider.id, ...params });
    };
    if (checked.refused === "state") {
      // Anyone can send answers with a made-up state: recorded once a minute per address (in this
      // process, then in the log itself, which every process writes to).
      const key = `sso-state ${ip}`;
      const entry = { action: "SIGN_IN_FAILED", ip, after: { startsWith: `{"provider":${JSON.stringify(provider.id)},"reason":"state"` } } as const;
      if (!oncePerMinute(key) || !(await noEntryThisMinute(tx, key, entry))) return refusal("state", { provider: provider.id });
    }
    if (checked.refused) return refuse(checked.refused, checked.detail, undefined, checked.params);
    const { issuer, subject, email, name, idToken, redirectTo } = checked;
    // Not signed in yet: the account exists, and the person must prove it is theirs (or an administrator link it).
    const linkRequired = async (identityId: number, userId: number) => {
      await emit({
        kind: "audit",
        action: "SIGN_IN_FAILED",
        actorId: null,
        targetType: "USER",
        targetId: userId,
        after: { provider: provider.id, reason: "link_required", email },
        ip,
      });
      return ok({ kind: "link" as const, identityId, idToken, redirectTo });
    };

    const identity = await tx.userIdentity.findUnique({
      where: { issuer_subject: { issuer, subject } },
      select: { id: true, linkedAt: true, user: { select: { id: true, active: true, totpEnabledAt: true } } },
    });
    if (identity) {
      if (!identity.user.active) return refuse("inactive", "account deactivated", identity.user.id);
      await tx.userIdentity.update({ where: { id: identity.id }, data: { email, ...(identity.linkedAt ? { lastSignInAt: now } : {}) } });
      if (!identity.linkedAt) return linkRequired(identity.id, identity.user.id);
      const secondFactor = !!identity.user.totpEnabledAt;
      // With two-factor on, the sign-in is recorded when the code is right (two-factor.server.ts).
      if (!secondFactor)
        await emit({
          kind: "audit",
          action: "SIGN_IN",
          actorId: identity.user.id,
          targetType: "USER",
          targetId: identity.user.id,
          after: { provider: provider.id },
          ip,
        });
      return ok({ kind: "signedIn" as const, userId: identity.user.id, identityId: identity.id, idToken, secondFactor, redirectTo });
    }

    // Someone already has this e-mail: the identity waits until the person proves the account is theirs.
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, active: true } });
    if (existing) {
      if (!existing.active) return refuse("inactive", "account deactivated", existing.id);
      const waiting = await tx.userIdentity.create({ data: { userId: existing.id, provider: provider.id, issuer, subject, email }, select: { id: true } });
      return linkRequired(waiting.id, existing.id);
    }

    const institution = await institutionFor(tx, email, provider);
    const domain = email.split("@")[1];
    if (!institution) return refuse("no_institution", `no institution for ${domain}`, undefined, { domain });
    const user = await tx.user.create({
      data: { email, name, role: "SUBMITTER", institutionId: institution.id, passwordHash: null, lastSignInAt: now },
      select: { id: true },
    });
    const created = await tx.userIdentity.create({
      data: { userId: user.id, provider: provider.id, issuer, subject, email, linkedAt: now, lastSignInAt: now },
      select: { id: true },
    });
    await emit({
      kind: "audit",
      action: "USER_PROVISION",
      actorId: user.id,
      targetType: "USER",
      targetId: user.id,
      after: { email, name, role: "SUBMITTER", institution: institution.code, provider: provider.id },
      ip,
    });
    await emit({ kind: "audit", action: "SIGN_IN", actorId: user.id, targetType: "USER", targetId: user.id, after: { provider: provider.id }, ip });
    return ok({ kind: "signedIn" as const, userId: user.id, identityId: created.id, idToken, secondFactor: false, redirectTo });
  },
  // The same person's first sign-in answered twice at once: the second meets the first's account.
  recover: async (error, { provider }) => (isUniqueViolation(error) ? refusal("failed", { provider: provider.id }) : undefined),
});

/** The identity waiting to be linked, for /login/link. */
export async function waitingIdentity(identityId: number) {
  return prisma.userIdentity.findUnique({
    where: { id: identityId },
    select: { id: true, provider: true, email: true, linkedAt: true, user: { select: { id: true, email: true, active: true, passwordHash: true } } },
  });
}

/**
 * The last step of a sign-in through a provider, once the person has proved who they are here (a
 * password, and the code when two-factor is on): `link` links the waiting identity (audited);
 * otherwise the identity must still be linked to this person (an administrator may have unlinked
 * it meanwhile), or the sign-in is refused.
 */
export const confirmIdentity = command<
  { identityId: number; userId: number; link: boolean; how: "password" | "password and code"; ip: string },
  undefined,
  null
>({
  permission: null,
  async run({ tx, now, emit }, input) {
    const identity = await tx.userIdentity.findUnique({
      where: { id: input.identityId },
      select: { userId: true, provider: true, email: true, linkedAt: true },
    });
    if (!identity || identity.userId !== input.userId) return fail(400, "auth:code.providerGone");
    if (!input.link) return identity.linkedAt ? ok() : fail(400, "auth:code.providerGone");
    if (identity.linkedAt) return ok();
    await tx.userIdentity.update({ where: { id: input.identityId }, data: { linkedAt: now, lastSignInAt: now } });
    await emit({
      kind: "audit",
      action: "IDENTITY_LINK",
      actorId: input.userId,
      targetType: "USER",
      targetId: input.userId,
      after: { provider: identity.provider, email: identity.email, how: input.how },
      ip: input.ip,
    });
    return ok();
  },
});
