// Single sign-on against a real OpenID provider (oidc-provider, on loopback, through
// server/demo-oidc.js): the routes' loaders and actions as the browser would call them, the
// provider's own login page driven by tests/factories/oidc.ts, and the refusals a probe would try.
import { Secret, TOTP } from "otpauth";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { forgetProviderConfigurations } from "~/modules/user/oidc.server";
import { action as startAction } from "~/routes/auth.$provider";
import { loader as callbackLoader } from "~/routes/auth.$provider_.callback";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as codeAction } from "~/routes/login_.code";
import { action as linkAction, loader as linkLoader } from "~/routes/login_.link";
import { action as logoutAction } from "~/routes/logout";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { resetOidcProviders } from "~/utils/oidc-config.server";
import { startOidcProvider } from "../../server/demo-oidc.js";
import { ProviderBrowser, epochSeconds, forgeIdToken } from "../factories/oidc";
import { formRequest, getRequest } from "../factories/request";
import { run, type RouteResult } from "../factories/route";
import { TEST_PASSWORD, TEST_TOTP_SECRET, createUser } from "../factories/user";

const ORIGIN = "http://localhost:3000";
type Provider = Awaited<ReturnType<typeof startOidcProvider>>;
let provider: Provider;
let elsewhere: Provider;

const client = (id: string, secret: string) => ({
  client_id: id,
  client_secret: secret,
  redirect_uris: [`${ORIGIN}/auth/test/callback`, `${ORIGIN}/auth/tenant/callback`],
  post_logout_redirect_uris: [`${ORIGIN}/login`],
});

function configure(issuer: string, tenantIssuer: string) {
  resetOidcProviders({
    OIDC_PROVIDERS: JSON.stringify([
      { id: "test", name: { lv: "Testa iestādes", en: "Test institution" }, issuer, clientId: "idealab", clientSecret: "idealab-secret" },
      // An institution's own tenant: its people belong to the institution VMD, and it vouches for its domains only.
      {
        id: "tenant",
        name: { lv: "Meža dienesta", en: "Forest Service" },
        issuer: tenantIssuer,
        clientId: "idealab",
        clientSecret: "idealab-secret",
        institution: "VMD",
        domains: ["nekur.example.lv", "vmd.example.lv"],
      },
    ]),
  });
  forgetProviderConfigurations();
}

beforeAll(async () => {
  delete process.env.APP_URL;
  [provider, elsewhere] = await Promise.all([
    startOidcProvider({ clients: [client("idealab", "idealab-secret"), client("other-app", "other-secret")] }),
    startOidcProvider({ clients: [client("idealab", "idealab-secret")] }),
  ]);
  configure(provider.issuer, elsewhere.issuer);
  // People at lad.example.lv belong to the Rural Support Service.
  const lad = await prisma.institution.findUniqueOrThrow({ where: { code: "LAD" } });
  await prisma.institutionDomain.upsert({ where: { domain: "lad.example.lv" }, create: { domain: "lad.example.lv", institutionId: lad.id }, update: {} });
});

afterEach(() => provider.setTokenHook(null));

afterAll(async () => {
  resetOidcProviders({});
  forgetProviderConfigurations();
  await Promise.all([provider?.close(), elsewhere?.close()]);
});

/** The Cookie header a browser would send back after these Set-Cookie headers (values emptied are dropped). */
function jar(...results: RouteResult[]) {
  const cookies = new Map<string, string>();
  for (const result of results)
    for (const header of result.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /Max-Age=0/i.test(header)) cookies.delete(name);
      else cookies.set(name, value);
    }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Presses "Sign in with … account": the app's answer (a redirect to the provider, with the state cookie). */
async function start(providerId = "test", redirectTo = "/ideas") {
  const started = await run(startAction, { request: formRequest(`/auth/${providerId}`, { redirectTo }), params: { provider: providerId } });
  expect(started.status).toBe(302);
  return { started, authorizationUrl: new URL(started.location!), cookie: jar(started) };
}

/** The provider's answer arriving at the callback. */
function callback(callbackUrl: URL, cookie: string, providerId = "test") {
  return run(callbackLoader, {
    request: getRequest(callbackUrl.pathname + callbackUrl.search, cookie),
    params: { provider: providerId },
    context: { clientIp: "10.9.9.9" },
  });
}

/** The whole journey: the button, the provider's login page as `login`, back at the callback. */
async function signInThrough(login: string, providerId = "test", browser = new ProviderBrowser()) {
  const { authorizationUrl, cookie } = await start(providerId);
  const back = await browser.signIn(authorizationUrl, login);
  return { result: await callback(back, cookie, providerId), back, cookie, browser };
}

const refusalText = (result: RouteResult) => (result.data as { message: string }).message;

async function lastAudit(action: string) {
  return prisma.auditEntry.findFirstOrThrow({ where: { action: action as never }, orderBy: { id: "desc" } });
}

describe("signing in through a provider", () => {
  test("the sign-in page offers a button per provider, in the page's language", async () => {
    const page = await run(loginLoader, { request: getRequest("/login") });
    expect((page.data as { providers: { id: string; name: string }[] }).providers).toEqual([
      { id: "test", name: "Testa iestādes" },
      { id: "tenant", name: "Meža dienesta" },
    ]);
  });

  test("the authorization request uses the code flow with PKCE (S256), a state and a nonce", async () => {
    const { authorizationUrl, started } = await start();
    expect(authorizationUrl.origin).toBe(new URL(provider.issuer).origin);
    const q = authorizationUrl.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("idealab");
    expect(q.get("redirect_uri")).toBe(`${ORIGIN}/auth/test/callback`);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(q.get("nonce")).toMatch(/^[\w-]{20,}$/);
    // The state cookie is httpOnly and SameSite=Lax (sent back on the provider's top-level redirect).
    const setCookie = started.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Only the state's hash is kept, with the verifier and nonce, for ten minutes.
    const kept = await prisma.signInRequest.findFirstOrThrow({ orderBy: { expiresAt: "desc" } });
    expect(kept.stateHash).not.toBe(q.get("state"));
    expect(kept.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  });

  test("a first sign-in makes a submitter's account in the institution the e-mail's domain maps to, and a second finds it by its subject", async () => {
    const began = performance.now();
    const { result } = await signInThrough("Anna.Priede@lad.example.lv");
    const tookMs = performance.now() - began;
    expect(result.status).toBe(302);
    expect(result.location).toBe("/ideas");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "anna.priede@lad.example.lv" }, include: { institution: true, identities: true } });
    expect(user.role).toBe("SUBMITTER");
    expect(user.institution.code).toBe("LAD");
    expect(user.name).toBe("Anna Priede");
    expect(user.passwordHash).toBeNull();
    expect(user.lastSignInAt).not.toBeNull();
    expect(user.identities).toHaveLength(1);
    expect(user.identities[0]).toMatchObject({ provider: "test", issuer: provider.issuer, email: "anna.priede@lad.example.lv" });
    expect(user.identities[0].linkedAt).not.toBeNull();
    // Signed in: a new session, which keeps the identity and the ID token for signing out.
    const signedIn = await getUser(getRequest("/", jar(result)));
    expect(signedIn?.id).toBe(user.id);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.identityId).toBe(user.identities[0].id);
    expect(session.idToken).toMatch(/^ey/);
    const provisioned = await lastAudit("USER_PROVISION");
    expect(provisioned.targetId).toBe(String(user.id));
    expect(JSON.parse(provisioned.after!)).toMatchObject({ institution: "LAD", provider: "test" });
    expect((await lastAudit("SIGN_IN")).actorId).toBe(user.id);
    console.info(`A full sign-in through the provider on loopback took ${tookMs.toFixed(0)} ms.`);

    // Again, in a new browser: the same account (the subject is the identity), no second one.
    const again = await signInThrough("anna.priede@lad.example.lv");
    expect(again.result.status).toBe(302);
    expect(await prisma.user.count({ where: { email: "anna.priede@lad.example.lv" } })).toBe(1);
    expect(await prisma.userIdentity.count({ where: { userId: user.id } })).toBe(1);
  });

  test("without a domain mapping, the provider's own institution is used; with neither, the person is refused with a message", async () => {
    const tenant = await signInThrough("koks@nekur.example.lv", "tenant");
    expect(tenant.result.status).toBe(302);
    const made = await prisma.user.findUniqueOrThrow({ where: { email: "koks@nekur.example.lv" }, include: { institution: true } });
    expect(made.institution.code).toBe("VMD");

    // The tenant may not vouch for another institution's domain.
    const foreign = await signInThrough("svesais@lad.example.lv", "tenant");
    expect(foreign.result.status).toBe(403);
    expect(refusalText(foreign.result)).toContain("lad.example.lv");
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ provider: "tenant", reason: "foreign_domain" });
    expect(await prisma.user.count({ where: { email: "svesais@lad.example.lv" } })).toBe(0);

    const stranger = await signInThrough("kads@unknown.example.com");
    expect(stranger.result.status).toBe(403);
    expect(refusalText(stranger.result)).toContain("unknown.example.com");
    expect(refusalText(stranger.result)).toContain("Sazinieties ar laboratoriju");
    expect(await prisma.user.count({ where: { email: "kads@unknown.example.com" } })).toBe(0);
    const entry = await lastAudit("SIGN_IN_FAILED");
    expect(JSON.parse(entry.after!)).toMatchObject({ provider: "test", reason: "no_institution", email: "kads@unknown.example.com" });
  });

  test("a deactivated person is refused with a message to contact the lab", async () => {
    const first = await signInThrough("aizgajis@lad.example.lv");
    expect(first.result.status).toBe(302);
    await prisma.user.update({ where: { email: "aizgajis@lad.example.lv" }, data: { active: false } });
    const { result } = await signInThrough("aizgajis@lad.example.lv");
    expect(result.status).toBe(403);
    expect(refusalText(result)).toContain("deaktivizēts");
    expect(result.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "inactive" });
  });

  test("signing out ends the session and sends the person through the provider's sign-out back to the sign-in page", async () => {
    const { result, browser } = await signInThrough("izrakstities@lad.example.lv");
    const cookie = jar(result);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "izrakstities@lad.example.lv" } });
    const out = await run(logoutAction, { request: formRequest("/logout", {}, { cookie }) });
    expect(out.status).toBe(302);
    const there = new URL(out.location!);
    expect(there.origin).toBe(new URL(provider.issuer).origin);
    expect(there.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(there.searchParams.get("post_logout_redirect_uri")).toBe(`${ORIGIN}/login`);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    const back = await browser.confirmSignOut(there);
    expect(back.href).toBe(`${ORIGIN}/login`);
    expect(JSON.parse((await lastAudit("SIGN_OUT")).after!)).toMatchObject({ provider: "test" });
  });
});

describe("the callback refuses what it should, each with a page and an audit entry", () => {
  test("a state that is not this browser's (or no state cookie at all)", async () => {
    const mine = await start();
    const theirs = await start();
    const back = await new ProviderBrowser().signIn(theirs.authorizationUrl, "state@lad.example.lv");
    const crossed = await callback(back, mine.cookie);
    expect(crossed.status).toBe(400);
    expect(refusalText(crossed)).toContain("Sāciet pieslēgšanos no jauna");
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "state" });
    expect((await callback(back, "")).status).toBe(400);
    expect(await prisma.user.count({ where: { email: "state@lad.example.lv" } })).toBe(0);
    // Made-up states from one address are recorded once a minute, not once a request (the log keeps every row).
    const before = await prisma.auditEntry.count({ where: { action: "SIGN_IN_FAILED", ip: "10.9.9.9" } });
    for (let i = 0; i < 5; i++) expect((await callback(new URL(`${ORIGIN}/auth/test/callback?code=x&state=made-up-${i}`), mine.cookie)).status).toBe(400);
    expect(await prisma.auditEntry.count({ where: { action: "SIGN_IN_FAILED", ip: "10.9.9.9" } })).toBeLessThanOrEqual(before + 1);
  });

  test("a replayed answer (the same state again), and a replayed code (the request put back)", async () => {
    const { authorizationUrl, cookie } = await start();
    const stateHash = (await prisma.signInRequest.findFirstOrThrow({ orderBy: { expiresAt: "desc" } })).stateHash;
    const request = await prisma.signInRequest.findUniqueOrThrow({ where: { stateHash } });
    const back = await new ProviderBrowser().signIn(authorizationUrl, "replay@lad.example.lv");
    expect((await callback(back, cookie)).status).toBe(302);
    const replayed = await callback(back, cookie);
    expect(replayed.status).toBe(400);
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "state" });
    // Even with the request back in place, the provider takes a code once.
    await prisma.signInRequest.create({ data: request });
    const reused = await callback(back, cookie);
    expect(reused.status).toBe(400);
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "code" });
  });

  const forged: [string, string, (token: string) => Record<string, unknown>][] = [
    ["a token for another audience", "audience", () => ({ aud: "other-app", azp: "other-app" })],
    ["a token from another issuer", "issuer", () => ({ iss: elsewhere.issuer })],
    ["an expired token", "expired", () => ({ iat: epochSeconds() - 3600, exp: epochSeconds() - 120 })],
    ["a token with another nonce", "nonce", () => ({ nonce: "not-the-nonce-we-sent" })],
    ["a token whose e-mail is not verified (said as a string)", "unverified", () => ({ email_verified: "false" })],
  ];
  for (const [what, reason, changes] of forged) {
    test(`${what} is refused`, async () => {
      provider.setTokenHook(async (body) => ({
        ...body,
        id_token: await forgeIdToken(provider.privateJwk, body.id_token as string, changes(body.id_token as string)),
      }));
      const email = `forged-${reason}@lad.example.lv`;
      const { result } = await signInThrough(email);
      expect(result.status).toBe(400);
      expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ provider: "test", reason });
      expect(await prisma.user.count({ where: { email } })).toBe(0);
      expect(result.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    });
  }

  test("cancelling at the provider comes back as a refusal, not an error", async () => {
    const { authorizationUrl, cookie } = await start();
    const cancelled = new URL(`${ORIGIN}/auth/test/callback`);
    cancelled.searchParams.set("error", "access_denied");
    cancelled.searchParams.set("state", authorizationUrl.searchParams.get("state")!);
    // As the provider sends it (RFC 9207: the issuer names itself in the answer).
    cancelled.searchParams.set("iss", provider.issuer);
    const result = await callback(cancelled, cookie);
    expect(result.status).toBe(400);
    const entry = JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!);
    expect(entry, entry.detail).toMatchObject({ reason: "provider_error" });
  });

  test("an unknown provider is 404; a provider that does not answer sends the person back with a message", async () => {
    const unknown = await run(startAction, { request: formRequest("/auth/nope", {}), params: { provider: "nope" } });
    expect(unknown.status).toBe(404);
    resetOidcProviders({
      OIDC_PROVIDERS: JSON.stringify([{ id: "test", name: { lv: "Klusās", en: "Silent" }, issuer: "http://127.0.0.1:9", clientId: "x", clientSecret: "y" }]),
    });
    forgetProviderConfigurations();
    try {
      const silent = await run(startAction, { request: formRequest("/auth/test", {}), params: { provider: "test" } });
      expect(silent.status).toBe(302);
      expect(silent.location).toBe("/login");
    } finally {
      configure(provider.issuer, elsewhere.issuer);
    }
  });
});

describe("an account that already exists", () => {
  test("is linked only once the person gives its password; then the provider signs them straight in", async () => {
    const local = await createUser({ email: "esosa@lad.example.lv", institutionCode: "LAD" });
    const first = await signInThrough("esosa@lad.example.lv");
    expect(first.result.status).toBe(302);
    expect(first.result.location).toBe("/login/link");
    const waiting = await prisma.userIdentity.findFirstOrThrow({ where: { userId: local.id } });
    expect(waiting.linkedAt).toBeNull();
    expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "link_required", email: "esosa@lad.example.lv" });
    // Not signed in yet.
    expect(first.result.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    const cookie = jar(first.result);
    const page = await run(linkLoader, { request: getRequest("/login/link", cookie) });
    expect(page.data).toMatchObject({ email: "esosa@lad.example.lv", provider: "Testa iestādes", hasPassword: true });

    const wrong = await run(linkAction, { request: formRequest("/login/link", { password: "nav-pareiza" }, { cookie }) });
    expect(wrong.status).toBe(400);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: waiting.id } })).linkedAt).toBeNull();

    const linked = await run(linkAction, { request: formRequest("/login/link", { password: TEST_PASSWORD }, { cookie }) });
    expect(linked.status).toBe(302);
    expect(linked.location).toBe("/ideas");
    expect((await getUser(getRequest("/", jar(first.result, linked))))?.id).toBe(local.id);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: waiting.id } })).linkedAt).not.toBeNull();
    expect(JSON.parse((await lastAudit("IDENTITY_LINK")).after!)).toMatchObject({ provider: "test", how: "password" });

    const next = await signInThrough("esosa@lad.example.lv");
    expect(next.result.location).toBe("/ideas");
    expect(await prisma.user.count({ where: { email: "esosa@lad.example.lv" } })).toBe(1);
  });

  test("without a password, the link page asks for an administrator; with two-factor on, the code comes after the provider", async () => {
    const passwordless = await createUser({ email: "bezparoles@lad.example.lv", institutionCode: "LAD" });
    await prisma.user.update({ where: { id: passwordless.id }, data: { passwordHash: null } });
    const first = await signInThrough("bezparoles@lad.example.lv");
    const page = await run(linkLoader, { request: getRequest("/login/link", jar(first.result)) });
    expect(page.data).toMatchObject({ hasPassword: false });

    const admin = await createUser({ email: "vaditajs@lad.example.lv", institutionCode: "LAD", role: "ADMIN" });
    const identity = await signInThrough("vaditajs@lad.example.lv");
    await prisma.userIdentity.updateMany({ where: { userId: admin.id }, data: { linkedAt: new Date() } });
    const withCode = await signInThrough("vaditajs@lad.example.lv");
    expect(identity.result.location).toBe("/login/link");
    expect(withCode.result.status).toBe(302);
    expect(withCode.result.location).toBe("/login/code");
    expect(withCode.result.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    // The code from the app finishes it: the session keeps the identity, and the log names the provider.
    const code = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(TEST_TOTP_SECRET) }).generate();
    const done = await run(codeAction, { request: formRequest("/login/code", { code }, { cookie: jar(withCode.result) }) });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/ideas");
    const session = await prisma.session.findFirstOrThrow({ where: { userId: admin.id } });
    expect(session.identityId).not.toBeNull();
    expect(session.idToken).toMatch(/^ey/);
    expect(JSON.parse((await lastAudit("SIGN_IN")).after!)).toMatchObject({ secondFactor: "ok", provider: "test" });
  });
});

describe("linking with two-factor on", () => {
  test("the password alone links nothing: the identity is linked once the code is right too", async () => {
    const admin = await createUser({ email: "divi@lad.example.lv", institutionCode: "LAD", role: "ADMIN" });
    const first = await signInThrough("divi@lad.example.lv");
    expect(first.result.location).toBe("/login/link");
    const password = await run(linkAction, { request: formRequest("/login/link", { password: TEST_PASSWORD }, { cookie: jar(first.result) }) });
    expect(password.status).toBe(302);
    expect(password.location).toBe("/login/code");
    const identity = await prisma.userIdentity.findFirstOrThrow({ where: { userId: admin.id } });
    expect(identity.linkedAt).toBeNull();
    // A wrong code: still not linked.
    const cookie = jar(first.result, password);
    const wrong = await run(codeAction, { request: formRequest("/login/code", { code: "000000" }, { cookie }) });
    expect(wrong.status).toBe(400);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: identity.id } })).linkedAt).toBeNull();
    const code = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(TEST_TOTP_SECRET) }).generate();
    const done = await run(codeAction, { request: formRequest("/login/code", { code }, { cookie }) });
    expect(done.status).toBe(302);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: identity.id } })).linkedAt).not.toBeNull();
    expect(JSON.parse((await lastAudit("IDENTITY_LINK")).after!)).toMatchObject({ provider: "test", how: "password and code" });
  });

  test("an identity unlinked while the code is being typed signs nobody in, and says so", async () => {
    const admin = await createUser({ email: "atsaistits@lad.example.lv", institutionCode: "LAD", role: "ADMIN" });
    await signInThrough("atsaistits@lad.example.lv");
    await prisma.userIdentity.updateMany({ where: { userId: admin.id }, data: { linkedAt: new Date() } });
    const second = await signInThrough("atsaistits@lad.example.lv");
    expect(second.result.location).toBe("/login/code");
    await prisma.userIdentity.deleteMany({ where: { userId: admin.id } });
    const code = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(TEST_TOTP_SECRET) }).generate();
    const refused = await run(codeAction, { request: formRequest("/login/code", { code }, { cookie: jar(second.result) }) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("auth:code.providerGone");
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(0);
  });
});

describe("local passwords off", () => {
  test("a submitter's right password is refused with a message; an administrator still signs in with a password (and a code)", async () => {
    const submitter = await createUser({ email: "parole@lad.example.lv" });
    const admin = await createUser({ email: "admins@lad.example.lv", role: "ADMIN" });
    await prisma.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, localPasswords: false }, update: { localPasswords: false } });
    try {
      const page = await run(loginLoader, { request: getRequest("/login") });
      expect(page.data).toMatchObject({ passwordsForEveryone: false });
      const refused = await run(loginAction, { request: formRequest("/login", { email: submitter.email, password: TEST_PASSWORD }) });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.data)).toContain("auth:login.passwordsOff");
      expect(await prisma.session.count({ where: { userId: submitter.id } })).toBe(0);
      expect(JSON.parse((await lastAudit("SIGN_IN_FAILED")).after!)).toMatchObject({ reason: "passwords_off" });
      const allowed = await run(loginAction, { request: formRequest("/login", { email: admin.email, password: TEST_PASSWORD }) });
      expect(allowed.status).toBe(302);
      expect(allowed.location).toBe("/login/code");
    } finally {
      await prisma.siteSettings.update({ where: { id: 1 }, data: { localPasswords: true } });
    }
  });
});
