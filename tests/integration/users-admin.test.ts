import { beforeAll, describe, expect, test } from "vitest";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.users";
import { action as userAction } from "~/routes/admin.users_.$id";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/set-password.$token";
import { action as loginAction } from "~/routes/login";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, sessionCookieFor } from "../factories/user";

let admin: { id: number; cookie: string };
let vk: number;
beforeAll(async () => {
  const a = await createUser({ role: "ADMIN" });
  admin = { id: a.id, cookie: await sessionCookieFor(a.id) };
  vk = (await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } })).id;
});

const create = (fields: Record<string, string>, cookie = admin.cookie) =>
  run(usersAction, { request: formRequest("/admin/users", { intent: "create", ...fields }, { cookie }) });
const change = (id: number, fields: Record<string, string>, cookie = admin.cookie) =>
  run(userAction, { request: formRequest(`/admin/users/${id}`, { userId: String(id), ...fields }, { cookie }), params: { id: String(id) } });
const tokenOf = (link: string) => link.split("/set-password/")[1];
const setPassword = (token: string, password: string, confirm = password) =>
  run(setPasswordAction, { request: formRequest(`/set-password/${token}`, { password, confirmPassword: confirm }), params: { token } });

describe("creating users", () => {
  test("an admin creates a user, who sets a password with the one-time link and signs in", async () => {
    const created = await create({ email: "Jauna.Darbiniece@VK.gov.lv", name: "Jauna Darbiniece", role: "FACILITATOR", institutionId: String(vk) });
    expect(created.status).toBe(200);
    const link = (created.data as { data: { link: string } }).data.link;
    expect(link).toMatch(/^http:\/\/localhost:3000\/set-password\/[\w-]{30,}$/);
    // The page names who was made, and the form starts again empty.
    expect(created.data).toMatchObject({ result: { initialValue: null }, data: { name: "Jauna Darbiniece", email: "jauna.darbiniece@vk.gov.lv" } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "jauna.darbiniece@vk.gov.lv" } });
    expect(user).toMatchObject({ role: "FACILITATOR", institutionId: vk, active: true });
    expect(await prisma.auditEntry.count({ where: { action: "USER_CREATE", targetId: String(user.id) } })).toBe(1);

    const token = tokenOf(link);
    expect((await run(setPasswordLoader, { request: getRequest(`/set-password/${token}`), params: { token } })).data).toMatchObject({
      check: { ok: true, email: user.email },
    });
    expect((await setPassword(token, "īsa")).status).toBe(400);
    expect((await setPassword(token, "garāka-parole-2026", "cita-parole-2026")).status).toBe(400);
    const done = await setPassword(token, "garāka-parole-2026");
    expect(done.status).toBe(302);
    expect(done.location).toBe("/login?email=jauna.darbiniece%40vk.gov.lv");
    // Used once, never again.
    expect((await setPassword(token, "vēl-cita-parole-2026")).status).toBe(409);
    const signIn = await run(loginAction, { request: formRequest("/login", { email: user.email, password: "garāka-parole-2026" }) });
    expect(signIn.status).toBe(302);
  });

  test("a duplicate or invalid e-mail and an unknown institution answer 400 beside the field; non-admins get 403", async () => {
    await create({ email: "divreiz@example.lv", name: "Viens", role: "SUBMITTER", institutionId: String(vk) });
    const duplicate = await create({ email: "DIVREIZ@example.lv", name: "Otrs", role: "SUBMITTER", institutionId: String(vk) });
    expect(duplicate.status).toBe(400);
    expect(reply(duplicate).error.email).toEqual(["admin:users.errors.duplicate"]);
    const invalid = await create({ email: "nav-epasts", name: "X", role: "SUBMITTER", institutionId: String(vk) });
    expect(reply(invalid).error.email).toEqual(["email"]);
    const unknown = await create({ email: "jauns@example.lv", name: "X", role: "SUBMITTER", institutionId: "99999" });
    expect(reply(unknown).error.institutionId).toEqual(["unknownInstitution"]);
    const facilitator = await createUser({ role: "FACILITATOR" });
    expect((await create({ email: "x@example.lv", name: "X", role: "ADMIN", institutionId: String(vk) }, await sessionCookieFor(facilitator.id))).status).toBe(
      403,
    );
    expect((await run(usersLoader, { request: getRequest("/admin/users", await sessionCookieFor(facilitator.id)) })).status).toBe(403);
  });

  test("the same person created twice at once: one is created, the other answers 400 beside the e-mail", async () => {
    const fields = { email: "vienlaikus@example.lv", name: "Vienlaikus", role: "SUBMITTER", institutionId: String(vk) };
    const results = await Promise.all([create(fields), create(fields)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const refused = results.find((r) => r.status === 400)!;
    expect(reply(refused).error.email).toEqual(["admin:users.errors.duplicate"]);
    expect(await prisma.user.count({ where: { email: "vienlaikus@example.lv" } })).toBe(1);
  });

  test("an expired link is refused", async () => {
    const created = await create({ email: "vecs@example.lv", name: "Vecs", role: "SUBMITTER", institutionId: String(vk) });
    const token = tokenOf((created.data as { data: { link: string } }).data.link);
    await prisma.passwordToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) }, where: { user: { email: "vecs@example.lv" } } });
    expect((await setPassword(token, "garāka-parole-2026")).status).toBe(400);
    expect((await run(setPasswordLoader, { request: getRequest(`/set-password/${token}`), params: { token } })).data).toMatchObject({
      check: { ok: false, message: "admin:setPassword.expired" },
    });
  });
});

describe("changing and deactivating users", () => {
  test("role and institution change, audited with before and after", async () => {
    const person = await createUser({ role: "SUBMITTER" });
    const ur = (await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
    expect((await change(person.id, { intent: "update", role: "MANAGER", institutionId: String(ur) })).status).toBe(302);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ role: "MANAGER", institutionId: ur });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "USER_UPDATE", targetId: String(person.id) } });
    expect(JSON.parse(entry.before!)).toMatchObject({ role: "SUBMITTER" });
    expect(JSON.parse(entry.after!)).toMatchObject({ role: "MANAGER", institutionId: ur });
  });

  test("deactivation ends the person's sessions at once; reactivation lets them back", async () => {
    const person = await createUser({ role: "SUBMITTER" });
    const cookie = await sessionCookieFor(person.id);
    expect(await getUser(getRequest("/", cookie))).not.toBeNull();
    expect((await change(person.id, { intent: "deactivate" })).status).toBe(302);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await change(person.id, { intent: "reactivate" })).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).active).toBe(true);
  });

  test("an admin cannot demote or deactivate themselves, so the last active admin always stays", async () => {
    expect((await change(admin.id, { intent: "update", role: "MANAGER", institutionId: String(vk) })).status).toBe(400);
    expect((await change(admin.id, { intent: "deactivate" })).status).toBe(400);
    // Make this admin the only active one, then have a second admin try to demote them.
    await prisma.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { active: false } });
    const other = await createUser({ role: "ADMIN" });
    const otherCookie = await sessionCookieFor(other.id);
    await prisma.user.update({ where: { id: other.id }, data: { active: true } });
    expect((await change(admin.id, { intent: "update", role: "MANAGER", institutionId: String(vk) }, otherCookie)).status).toBe(302);
    // Now `other` is the last active admin: demoting them (by anyone) is refused.
    const refused = await change(other.id, { intent: "deactivate" }, otherCookie);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("selfDeactivation");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("ADMIN");
  });

  test("a tampered user id answers 400", async () => {
    const person = await createUser();
    const fresh = await createUser({ role: "ADMIN" });
    const result = await run(userAction, {
      request: formRequest(`/admin/users/${person.id}`, { intent: "deactivate", userId: String(fresh.id) }, { cookie: await sessionCookieFor(fresh.id) }),
      params: { id: String(person.id) },
    });
    expect(result.status).toBe(400);
  });
});
