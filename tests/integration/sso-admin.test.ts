// The administration side of single sign-on: e-mail domains per institution, how each person signs
// in (the users list and a person's page), linking and unlinking their identities at providers, and
// who may sign in with a password (/admin/sign-in). Asked of the routes, as a browser would.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { action as institutionsAction, loader as institutionsLoader } from "~/routes/admin.institutions";
import { action as signInAction, loader as signInLoader } from "~/routes/admin.sign-in";
import { loader as usersLoader } from "~/routes/admin.users";
import { action as userAction, loader as userLoader } from "~/routes/admin.users_.$id";
import { getSiteSettings } from "~/modules/user/site-settings.server";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { resetOidcProviders } from "~/utils/oidc-config.server";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, sessionCookieFor, signedIn, type SignedIn } from "../factories/user";

const SECRET = "client-secret-never-shown-0123";
const PROVIDERS = [
  {
    id: "vk",
    name: { lv: "Valsts kancelejas", en: "State Chancellery" },
    issuer: "https://login.example.lv/vk",
    clientId: "idea-lab-vk",
    clientSecret: SECRET,
    institution: "VK",
  },
  {
    id: "nowhere",
    name: { lv: "Nekurienes", en: "Nowhere" },
    issuer: "https://login.example.lv/nowhere",
    clientId: "idea-lab-nowhere",
    clientSecret: SECRET,
    institution: "NOPE",
  },
];

let admin: SignedIn;
let vk: { id: number; code: string };
let ur: { id: number; code: string };

beforeAll(async () => {
  resetOidcProviders({ OIDC_PROVIDERS: JSON.stringify(PROVIDERS) });
  admin = await signedIn("ADMIN");
  vk = await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } });
  ur = await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } });
});
afterAll(() => resetOidcProviders());

/** An identity at a provider, as signing in through it leaves one. */
async function identity(userId: number, fields: { provider?: string; linked?: boolean; email?: string; lastSignInAt?: Date } = {}) {
  return prisma.userIdentity.create({
    data: {
      userId,
      provider: fields.provider ?? "vk",
      issuer: `https://login.example.lv/${fields.provider ?? "vk"}`,
      subject: randomBytes(8).toString("hex"),
      email: fields.email ?? "persona@vk.gov.lv",
      linkedAt: fields.linked === false ? null : new Date("2026-11-02T10:00:00Z"),
      lastSignInAt: fields.lastSignInAt ?? null,
    },
  });
}

/** A session signed in through an identity (the sign-in routes make these). */
async function sessionThrough(userId: number, identityId: number) {
  return prisma.session.create({
    data: { id: randomBytes(16).toString("hex"), userId, identityId, idToken: "header.payload.signature", expiresAt: new Date(Date.now() + 3600_000) },
  });
}

describe("e-mail domains per institution", () => {
  const post = (fields: Record<string, string>, cookie = admin.cookie) =>
    run(institutionsAction, { request: formRequest("/admin/institutions", { intent: "domains", ...fields }, { cookie }) });

  test("an admin sets an institution's domains (lower case, each once, '@' dropped), audited with before and after; the list shows them", async () => {
    const done = await post({ institutionId: String(vk.id), domains: "VK.gov.lv, @mk.gov.lv  vk.gov.lv;" });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/admin/institutions");
    const rows = await prisma.institutionDomain.findMany({ where: { institutionId: vk.id }, orderBy: { domain: "asc" } });
    expect(rows.map((r) => r.domain)).toEqual(["mk.gov.lv", "vk.gov.lv"]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "INSTITUTION_UPDATE", targetId: "VK" }, orderBy: { id: "desc" } });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.parse(entry.before!)).toEqual({ domains: [] });
    expect(JSON.parse(entry.after!)).toEqual({ domains: ["mk.gov.lv", "vk.gov.lv"] });

    const list = (await run(institutionsLoader, { request: getRequest("/admin/institutions", admin.cookie) })).data as {
      institutions: { code: string; domains: string[] }[];
    };
    expect(list.institutions.find((i) => i.code === "VK")?.domains).toEqual(["mk.gov.lv", "vk.gov.lv"]);
    expect(list.institutions.find((i) => i.code === "UR")?.domains).toEqual([]);

    // The same again changes nothing and adds nothing to the log; one fewer is one change.
    const entries = await prisma.auditEntry.count({ where: { action: "INSTITUTION_UPDATE", targetId: "VK" } });
    expect((await post({ institutionId: String(vk.id), domains: "mk.gov.lv vk.gov.lv" })).status).toBe(302);
    expect(await prisma.auditEntry.count({ where: { action: "INSTITUTION_UPDATE", targetId: "VK" } })).toBe(entries);
    expect((await post({ institutionId: String(vk.id), domains: "vk.gov.lv" })).status).toBe(302);
    expect((await prisma.institutionDomain.findMany({ where: { institutionId: vk.id } })).map((r) => r.domain)).toEqual(["vk.gov.lv"]);
    const last = await prisma.auditEntry.findFirstOrThrow({ where: { action: "INSTITUTION_UPDATE", targetId: "VK" }, orderBy: { id: "desc" } });
    expect(JSON.parse(last.after!)).toEqual({ domains: ["vk.gov.lv"] });
  });

  test("a malformed domain, or too many, answers 400 beside the field, naming the bad ones; nothing changes", async () => {
    const before = await prisma.auditEntry.count();
    const bad = await post({ institutionId: String(ur.id), domains: "ur.gov.lv, vards@ur.gov.lv, -ur-.lv, ur, ūdens.lv" });
    expect(bad.status).toBe(400);
    const messages = reply(bad).error.domains!;
    expect(messages).toHaveLength(1);
    const [key, params] = messages[0].split("|");
    expect(key).toBe("admin:institutions.errors.domainSyntax");
    expect(JSON.parse(params)).toEqual({ domains: "vards@ur.gov.lv, -ur-.lv, ur, ūdens.lv", count: 4 });
    // What was typed is kept.
    expect(reply(bad).initialValue.domains).toBe("ur.gov.lv, vards@ur.gov.lv, -ur-.lv, ur, ūdens.lv");

    const many = Array.from({ length: 21 }, (_, i) => `d${i}.ur.gov.lv`).join(" ");
    const tooMany = await post({ institutionId: String(ur.id), domains: many });
    expect(tooMany.status).toBe(400);
    expect(reply(tooMany).error.domains).toEqual(['admin:institutions.errors.domainsTooMany|{"max":20}']);
    expect(await prisma.institutionDomain.count({ where: { institutionId: ur.id } })).toBe(0);
    expect(await prisma.auditEntry.count()).toBe(before);
  });

  test("a domain another institution has answers 400 beside the field naming that institution; it stays theirs", async () => {
    await post({ institutionId: String(vk.id), domains: "vk.gov.lv" });
    const taken = await post({ institutionId: String(ur.id), domains: "ur.gov.lv VK.GOV.LV" });
    expect(taken.status).toBe(400);
    const [message] = reply(taken).error.domains!;
    const [key, params] = message.split("|");
    expect(key).toBe("admin:institutions.errors.domainTaken");
    expect(JSON.parse(params)).toMatchObject({ domain: "vk.gov.lv", code: "VK", nameLv: "Valsts kanceleja" });
    expect(await prisma.institutionDomain.findUniqueOrThrow({ where: { domain: "vk.gov.lv" } })).toMatchObject({ institutionId: vk.id });
    expect(await prisma.institutionDomain.count({ where: { institutionId: ur.id } })).toBe(0);
  });

  test("an empty field clears the domains; an unknown institution is a 404; only admins", async () => {
    await post({ institutionId: String(ur.id), domains: "ur.gov.lv" });
    expect((await post({ institutionId: String(ur.id), domains: "" })).status).toBe(302);
    expect(await prisma.institutionDomain.count({ where: { institutionId: ur.id } })).toBe(0);
    expect((await post({ institutionId: "999999", domains: "x.lv" })).status).toBe(404);
    const facilitator = await signedIn("FACILITATOR");
    expect((await post({ institutionId: String(ur.id), domains: "ur.gov.lv" }, facilitator.cookie)).status).toBe(403);
    expect(await prisma.institutionDomain.count({ where: { institutionId: ur.id } })).toBe(0);
  });
});

describe("how people sign in, on the users list and a person's page", () => {
  test("the list shows each person's password and linked providers (by name, in the reader's language) and last sign-in, read for the page's people only", async () => {
    const tag = randomBytes(3).toString("hex");
    const both = await createUser({ name: `Abi ${tag}`, email: `abi-${tag}@vk.gov.lv` });
    await prisma.user.update({ where: { id: both.id }, data: { lastSignInAt: new Date("2026-11-30T08:15:00Z") } });
    await identity(both.id);
    const ssoOnly = await createUser({ name: `Tikai pakalpojums ${tag}` });
    await prisma.user.update({ where: { id: ssoOnly.id }, data: { passwordHash: null } });
    await identity(ssoOnly.id, { provider: "old-idp" });
    await identity(ssoOnly.id, { provider: "vk", linked: false });
    const never = await createUser({ name: `Nekad ${tag}` });

    const spy = vi.spyOn(prisma.userIdentity, "findMany");
    const result = await run(usersLoader, { request: getRequest(`/admin/users?q=${tag}`, admin.cookie) });
    expect(result.status).toBe(200);
    type Row = { id: number; password: boolean; providers: { name: string; known: boolean }[]; lastSignInAt: string | null };
    const { users, passwordsForEveryone } = result.data as { users: Row[]; passwordsForEveryone: boolean };
    expect(passwordsForEveryone).toBe(true);
    const row = (id: number) => users.find((u) => u.id === id)!;
    expect(row(both.id)).toMatchObject({ password: true, providers: [{ name: "Valsts kancelejas", known: true }], lastSignInAt: "2026-11-30T08:15:00.000Z" });
    // A waiting identity is no way in yet; a provider no longer configured is shown by its id.
    expect(row(ssoOnly.id)).toMatchObject({ password: false, providers: [{ name: "old-idp", known: false }], lastSignInAt: null });
    expect(row(never.id)).toMatchObject({ password: true, providers: [], lastSignInAt: null });
    expect(JSON.stringify(result.data)).not.toContain("passwordHash");
    // One query for the identities, of this page's people alone.
    expect(spy).toHaveBeenCalledTimes(1);
    const where = spy.mock.calls[0][0]?.where as { userId: { in: number[] } };
    expect(where.userId.in.sort()).toEqual([both.id, ssoOnly.id, never.id].sort());
    spy.mockRestore();

    // In English, the provider's English name.
    const english = await signedIn({ role: "ADMIN", locale: "en" });
    const inEnglish = (await run(usersLoader, { request: getRequest(`/admin/users?q=${tag}`, english.cookie) })).data as { users: Row[] };
    expect(inEnglish.users.find((u) => u.id === both.id)?.providers).toEqual([{ name: "State Chancellery", known: true }]);
  });

  test("a person's page shows their password, last sign-in and every identity, linked or waiting; unknown ids 404, other roles 403", async () => {
    const person = await createUser({ email: "persona@vk.gov.lv" });
    await prisma.user.update({ where: { id: person.id }, data: { lastSignInAt: new Date("2026-12-01T09:00:00Z") } });
    const linked = await identity(person.id, { lastSignInAt: new Date("2026-12-01T09:00:00Z") });
    const waiting = await identity(person.id, { provider: "nowhere", linked: false, email: "cits@nowhere.lv" });
    const page = await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, admin.cookie), params: { id: String(person.id) } });
    expect(page.status).toBe(200);
    const data = page.data as {
      person: { password: boolean; lastSignInAt: string | null };
      passwordWorks: boolean;
      identities: {
        id: number;
        providerName: string;
        knownProvider: boolean;
        email: string;
        linkedAt: string | null;
        lastSignInAt: string | null;
        createdAt: string;
      }[];
    };
    expect(data.person).toMatchObject({ password: true, lastSignInAt: "2026-12-01T09:00:00.000Z" });
    expect(data.passwordWorks).toBe(true);
    expect(data.identities).toEqual([
      {
        id: linked.id,
        provider: "vk",
        providerName: "Valsts kancelejas",
        knownProvider: true,
        email: "persona@vk.gov.lv",
        linkedAt: "2026-11-02T10:00:00.000Z",
        lastSignInAt: "2026-12-01T09:00:00.000Z",
        createdAt: linked.createdAt.toISOString(),
      },
      {
        id: waiting.id,
        provider: "nowhere",
        providerName: "Nekurienes",
        knownProvider: true,
        email: "cits@nowhere.lv",
        linkedAt: null,
        lastSignInAt: null,
        createdAt: waiting.createdAt.toISOString(),
      },
    ]);
    expect((await run(userLoader, { request: getRequest("/admin/users/999999", admin.cookie), params: { id: "999999" } })).status).toBe(404);
    for (const role of ["SUBMITTER", "FACILITATOR", "MANAGER"] as const) {
      const other = await signedIn(role);
      expect((await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, other.cookie), params: { id: String(person.id) } })).status).toBe(403);
    }
  });
});

describe("linking and unlinking identities", () => {
  const change = (userId: number, fields: Record<string, string>, cookie = admin.cookie) =>
    run(userAction, { request: formRequest(`/admin/users/${userId}`, { userId: String(userId), ...fields }, { cookie }), params: { id: String(userId) } });

  test("an admin links a waiting identity, audited (how: admin); linking it again changes nothing", async () => {
    const person = await createUser();
    const waiting = await identity(person.id, { linked: false, email: "gaida@vk.gov.lv" });
    const done = await change(person.id, { intent: "link-identity", identityId: String(waiting.id) });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/admin/users/${person.id}`);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: waiting.id } })).linkedAt).not.toBeNull();
    const entries = await prisma.auditEntry.findMany({ where: { action: "IDENTITY_LINK", targetType: "USER", targetId: String(person.id) } });
    expect(entries).toHaveLength(1);
    expect(entries[0].actorId).toBe(admin.id);
    expect(JSON.parse(entries[0].after!)).toEqual({ provider: "vk", email: "gaida@vk.gov.lv", how: "admin" });
    expect((await change(person.id, { intent: "link-identity", identityId: String(waiting.id) })).status).toBe(302);
    expect(await prisma.auditEntry.count({ where: { action: "IDENTITY_LINK", targetId: String(person.id) } })).toBe(1);
  });

  test("an admin removes a waiting identity that is not the person's: it is gone, audited as never linked", async () => {
    const person = await createUser();
    const waiting = await identity(person.id, { linked: false, email: "svesais@vk.gov.lv" });
    const page = await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, admin.cookie), params: { id: String(person.id) } });
    expect(JSON.stringify(page.data)).toContain("svesais@vk.gov.lv");
    const done = await change(person.id, { intent: "unlink-identity", identityId: String(waiting.id) });
    expect(done.status).toBe(302);
    expect(await prisma.userIdentity.findUnique({ where: { id: waiting.id } })).toBeNull();
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "IDENTITY_UNLINK", targetId: String(person.id) } });
    expect(JSON.parse(entry.before!)).toMatchObject({ email: "svesais@vk.gov.lv", linked: false });
  });

  test("unlinking deletes the identity and ends the sessions made through it, not the others; audited", async () => {
    const person = await createUser();
    const linked = await identity(person.id);
    const through = await sessionThrough(person.id, linked.id);
    const passwordCookie = await sessionCookieFor(person.id);
    const done = await change(person.id, { intent: "unlink-identity", identityId: String(linked.id) });
    expect(done.status).toBe(302);
    expect(await prisma.userIdentity.findUnique({ where: { id: linked.id } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: through.id } })).toBeNull();
    expect(await getUser(getRequest("/", passwordCookie))).toMatchObject({ id: person.id });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "IDENTITY_UNLINK", targetId: String(person.id) } });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.parse(entry.before!)).toEqual({ provider: "vk", email: "persona@vk.gov.lv", linked: true });
    expect(JSON.parse(entry.after!)).toEqual({ sessionsEnded: 1 });
  });

  test("the page warns when unlinking would leave the person no way in (no password, no other linked identity), and still allows it", async () => {
    const person = await createUser();
    await prisma.user.update({ where: { id: person.id }, data: { passwordHash: null } });
    const only = await identity(person.id);
    const page = (await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, admin.cookie), params: { id: String(person.id) } })).data as {
      passwordWorks: boolean;
    };
    expect(page.passwordWorks).toBe(false);
    expect((await change(person.id, { intent: "unlink-identity", identityId: String(only.id) })).status).toBe(302);
    expect(await prisma.userIdentity.count({ where: { userId: person.id } })).toBe(0);
  });

  test("an unknown identity, or another person's, is a 404 and changes nothing; a bad identity id is a 400; only admins", async () => {
    const person = await createUser();
    const someoneElse = await createUser();
    const theirs = await identity(someoneElse.id, { linked: false });
    const theirsLinked = await identity(someoneElse.id);
    expect((await change(person.id, { intent: "link-identity", identityId: "999999" })).status).toBe(404);
    expect((await change(person.id, { intent: "link-identity", identityId: String(theirs.id) })).status).toBe(404);
    expect((await change(person.id, { intent: "unlink-identity", identityId: String(theirsLinked.id) })).status).toBe(404);
    expect((await change(person.id, { intent: "unlink-identity", identityId: "x" })).status).toBe(400);
    expect((await prisma.userIdentity.findUniqueOrThrow({ where: { id: theirs.id } })).linkedAt).toBeNull();
    expect(await prisma.userIdentity.findUnique({ where: { id: theirsLinked.id } })).not.toBeNull();
    const manager = await signedIn("MANAGER");
    expect((await change(someoneElse.id, { intent: "unlink-identity", identityId: String(theirsLinked.id) }, manager.cookie)).status).toBe(403);
    expect(await prisma.userIdentity.findUnique({ where: { id: theirsLinked.id } })).not.toBeNull();
    expect(await prisma.auditEntry.count({ where: { action: { in: ["IDENTITY_LINK", "IDENTITY_UNLINK"] }, targetId: String(someoneElse.id) } })).toBe(0);
  });
});

describe("/admin/sign-in", () => {
  const save = (passwords: string, cookie = admin.cookie) => run(signInAction, { request: formRequest("/admin/sign-in", { passwords }, { cookie }) });

  test("shows the providers as they are registered (redirect and post-logout URIs, the institution) and never the secret", async () => {
    const result = await run(signInLoader, { request: getRequest("/admin/sign-in", admin.cookie) });
    expect(result.status).toBe(200);
    const data = result.data as { settings: { localPasswords: boolean }; providers: Record<string, unknown>[] };
    expect(data.settings).toEqual({ localPasswords: true });
    expect(data.providers).toEqual([
      {
        id: "vk",
        name: { lv: "Valsts kancelejas", en: "State Chancellery" },
        issuer: "https://login.example.lv/vk",
        clientId: "idea-lab-vk",
        redirectUri: "http://localhost:3000/auth/vk/callback",
        postLogoutUri: "http://localhost:3000/login",
        institutionCode: "VK",
        institution: { code: "VK", nameLv: "Valsts kanceleja", nameEn: expect.any(String), active: true },
      },
      {
        id: "nowhere",
        name: { lv: "Nekurienes", en: "Nowhere" },
        issuer: "https://login.example.lv/nowhere",
        clientId: "idea-lab-nowhere",
        redirectUri: "http://localhost:3000/auth/nowhere/callback",
        postLogoutUri: "http://localhost:3000/login",
        institutionCode: "NOPE",
        institution: null,
      },
    ]);
    expect(JSON.stringify(result.data)).not.toContain(SECRET);
  });

  test("with no provider configured, the page lists none, and passwords off applies to nobody", async () => {
    resetOidcProviders({});
    const person = await createUser();
    try {
      const data = (await run(signInLoader, { request: getRequest("/admin/sign-in", admin.cookie) })).data as { providers: unknown[] };
      expect(data.providers).toEqual([]);
      expect((await save("admins")).status).toBe(302);
      const page = (await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, admin.cookie), params: { id: String(person.id) } })).data as {
        passwordWorks: boolean;
      };
      expect(page.passwordWorks).toBe(true);
      const list = (await run(usersLoader, { request: getRequest("/admin/users", admin.cookie) })).data as { passwordsForEveryone: boolean };
      expect(list.passwordsForEveryone).toBe(true);
    } finally {
      await save("everyone");
      resetOidcProviders({ OIDC_PROVIDERS: JSON.stringify(PROVIDERS) });
    }
  });

  test("an admin turns passwords off for everyone but administrators and back, each change audited; the users list says so", async () => {
    const logged = await prisma.auditEntry.count({ where: { action: "SETTINGS_UPDATE" } });
    const done = await save("admins");
    expect(done.status).toBe(302);
    expect(done.location).toBe("/admin/sign-in");
    expect(await getSiteSettings()).toEqual({ localPasswords: false });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "SETTINGS_UPDATE" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "SETTINGS" });
    expect(JSON.parse(entry.before!)).toEqual({ localPasswords: true });
    expect(JSON.parse(entry.after!)).toEqual({ localPasswords: false });
    const list = (await run(usersLoader, { request: getRequest("/admin/users", admin.cookie) })).data as { passwordsForEveryone: boolean };
    expect(list.passwordsForEveryone).toBe(false);
    // A person who is no administrator: their password no longer lets them in.
    const person = await createUser();
    const page = (await run(userLoader, { request: getRequest(`/admin/users/${person.id}`, admin.cookie), params: { id: String(person.id) } })).data as {
      passwordWorks: boolean;
    };
    expect(page.passwordWorks).toBe(false);

    // Saving the same again changes nothing and logs nothing.
    expect((await save("admins")).status).toBe(302);
    expect(await prisma.auditEntry.count({ where: { action: "SETTINGS_UPDATE" } })).toBe(logged + 1);
    expect((await save("everyone")).status).toBe(302);
    expect(await getSiteSettings()).toEqual({ localPasswords: true });
    expect(await prisma.auditEntry.count({ where: { action: "SETTINGS_UPDATE" } })).toBe(logged + 2);
  });

  test("an unknown choice is a 400 beside the question; other roles get 403 and change nothing", async () => {
    const bad = await save("nobody");
    expect(bad.status).toBe(400);
    expect(reply(bad).error.passwords).toEqual(["invalidChoice"]);
    for (const role of ["SUBMITTER", "FACILITATOR", "MANAGER"] as const) {
      const other = await signedIn(role);
      expect((await save("admins", other.cookie)).status, role).toBe(403);
      expect((await run(signInLoader, { request: getRequest("/admin/sign-in", other.cookie) })).status, role).toBe(403);
    }
    expect(await getSiteSettings()).toEqual({ localPasswords: true });
  });
});
