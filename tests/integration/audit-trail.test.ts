import { expect, test } from "vitest";
import { recordRefusal } from "~/modules/audit/refusals.server";
import { action as usersAction } from "~/routes/admin.users";
import { action as userAction } from "~/routes/admin.users_.$id";
import { action as accountAction } from "~/routes/account";
import { action as logoutAction } from "~/routes/logout";
import { prisma } from "~/utils/db.server";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { sessionCookieFor, signedIn } from "../factories/user";

const entries = (action: string) => prisma.auditEntry.findMany({ where: { action: action as never }, orderBy: { id: "asc" } });

test("signing out is in the audit log, with who and from where, and the session is gone", async () => {
  const person = await signedIn("SUBMITTER");
  const out = await run(logoutAction, { request: formRequest("/logout", {}, { cookie: person.cookie }), context: { clientIp: "10.3.3.3" } });
  expect(out.status).toBe(302);
  expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
  expect((await entries("SIGN_OUT")).at(-1)).toMatchObject({ actorId: person.id, targetId: String(person.id), ip: "10.3.3.3" });
});

test("ending one of one's sessions is in the audit log, naming the session by a digest, never by its id", async () => {
  const person = await signedIn("SUBMITTER");
  await sessionCookieFor(person.id);
  const [other] = await prisma.session.findMany({ where: { userId: person.id }, orderBy: { createdAt: "desc" }, take: 1 });
  const ended = await run(accountAction, {
    request: formRequest("/account", { intent: "end-session", sessionId: other.id }, { cookie: person.cookie }),
    context: { clientIp: "10.3.3.4" },
  });
  expect(ended.status).toBe(302);
  const entry = (await entries("SESSION_END")).at(-1)!;
  expect(entry).toMatchObject({ actorId: person.id, targetType: "SESSION", ip: "10.3.3.4" });
  expect(entry.targetId).toMatch(/^[0-9a-f]{12}$/);
  expect(JSON.stringify(entry)).not.toContain(other.id);
});

test("an administrator issuing a set-password link is recorded (they see the link), with their address; so are other admin changes", async () => {
  const admin = await signedIn("ADMIN");
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } });
  const created = await run(usersAction, {
    request: formRequest(
      "/admin/users",
      { intent: "create", email: "jauns.cilveks@example.lv", name: "Jauns Cilvēks", role: "SUBMITTER", institutionId: String(institution.id) },
      { cookie: admin.cookie },
    ),
    context: { clientIp: "10.6.6.6" },
  });
  expect(created.status).toBe(200);
  const person = await prisma.user.findUniqueOrThrow({ where: { email: "jauns.cilveks@example.lv" } });
  expect((await entries("USER_CREATE")).at(-1)).toMatchObject({ actorId: admin.id, ip: "10.6.6.6" });
  await run(userAction, {
    request: formRequest(`/admin/users/${person.id}`, { intent: "reset-link", userId: String(person.id) }, { cookie: admin.cookie }),
    params: { id: String(person.id) },
    context: { clientIp: "10.6.6.7" },
  });
  const links = (await entries("PASSWORD_LINK_ISSUE")).filter((e) => e.targetId === String(person.id));
  expect(links.map((e) => [e.actorId, e.ip])).toEqual([
    [admin.id, "10.6.6.6"],
    [admin.id, "10.6.6.7"],
  ]);
});

test("refused requests are recorded without flooding: one entry per person, route and minute", async () => {
  const person = await signedIn("SUBMITTER");
  const request = () => getRequest("/admin/audit", person.cookie);
  const now = Date.parse("2026-12-02T10:00:05Z");
  const results = [];
  for (let i = 0; i < 20; i++) results.push(await recordRefusal(request(), "10.8.8.8", now + i * 1000));
  expect(results.filter(Boolean)).toHaveLength(1);
  // Another route, and the next minute, are recorded again; so is someone not signed in, by address.
  expect(await recordRefusal(getRequest("/admin/users", person.cookie), "10.8.8.8", now)).toBe(true);
  expect(await recordRefusal(request(), "10.8.8.8", now + 60_000)).toBe(true);
  expect(await recordRefusal(getRequest("/admin/audit"), "10.8.8.9", now)).toBe(true);
  expect(await recordRefusal(getRequest("/admin/audit"), "10.8.8.9", now + 5_000)).toBe(false);
  const logged = (await entries("ACCESS_DENIED")).filter((e) => e.actorId === person.id);
  expect(logged.map((e) => [e.targetType, e.targetId, e.ip])).toEqual([
    ["ROUTE", "/admin/audit", "10.8.8.8"],
    ["ROUTE", "/admin/users", "10.8.8.8"],
    ["ROUTE", "/admin/audit", "10.8.8.8"],
  ]);
  // Another server process that refused this person here in this minute wrote the entry already:
  // this process, which has not seen it, finds it in the log and writes none.
  const later = now + 180_000;
  await prisma.auditEntry.create({
    data: { action: "ACCESS_DENIED", actorId: person.id, targetType: "ROUTE", targetId: "/admin/outbox", ip: "10.8.8.8", createdAt: new Date(later) },
  });
  expect(await recordRefusal(getRequest("/admin/outbox", person.cookie), "10.8.8.8", later + 1_000)).toBe(false);
  expect((await entries("ACCESS_DENIED")).filter((e) => e.targetId === "/admin/outbox")).toHaveLength(1);
});

test("the audit log cannot be changed or deleted, not even by a query that tries", async () => {
  const person = await signedIn("SUBMITTER");
  await run(logoutAction, { request: formRequest("/logout", {}, { cookie: person.cookie }) });
  const entry = (await entries("SIGN_OUT")).at(-1)!;
  // The database refuses (its triggers abort the statement), whatever the client makes of the refusal.
  await expect(prisma.auditEntry.update({ where: { id: entry.id }, data: { ip: "1.2.3.4" } })).rejects.toThrow();
  await expect(prisma.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
  await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/audit log cannot be changed/);
  await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorId" = NULL`)).rejects.toThrow(/audit log cannot be changed/);
  expect(await prisma.auditEntry.findUnique({ where: { id: entry.id } })).toMatchObject({ ip: entry.ip });
});

test("no code in the app has a path that updates or deletes audit entries", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const files = readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith("generated"));
  const offenders = files.filter((f) =>
    /auditEntry\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE FROM)\s+"?AuditEntry/i.test(readFileSync(`app/${f}`, "utf8")),
  );
  expect(files.length).toBeGreaterThan(100);
  expect(offenders).toEqual([]);
});
