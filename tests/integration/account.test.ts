import { expect, test } from "vitest";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { TEST_PASSWORD, createUser, sessionCookieFor } from "../factories/user";

const post = (cookie: string, fields: Record<string, string>) => run(accountAction, { request: formRequest("/account", fields, { cookie }) });

test("a person changes their name and language", async () => {
  const user = await createUser({ name: "Vecais Vārds" });
  const cookie = await sessionCookieFor(user.id);
  const result = await post(cookie, { intent: "profile", name: "Jānis Bērziņš", locale: "en" });
  expect(result.status).toBe(302);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Jānis Bērziņš", locale: "en" });
  const empty = await post(cookie, { intent: "profile", name: " " });
  expect(empty.status).toBe(400);
  expect(reply(empty).error.name).toEqual(["required"]);
});

test("changing the password needs the current one and 12 characters, and ends the other sessions", async () => {
  const user = await createUser();
  const here = await sessionCookieFor(user.id);
  const elsewhere = await sessionCookieFor(user.id);
  const wrong = await post(here, {
    intent: "password",
    currentPassword: "nav-pareiza",
    newPassword: "jauna-parole-2026",
    confirmPassword: "jauna-parole-2026",
  });
  expect(wrong.status).toBe(400);
  expect(reply(wrong).error.currentPassword).toEqual(["account:errors.wrongPassword"]);
  const short = await post(here, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "īsa", confirmPassword: "īsa" });
  expect(reply(short).error.newPassword).toEqual(['passwordTooShort|{"min":12}']);
  const differ = await post(here, {
    intent: "password",
    currentPassword: TEST_PASSWORD,
    newPassword: "jauna-parole-2026",
    confirmPassword: "cita-parole-2026",
  });
  expect(reply(differ).error.confirmPassword).toEqual(["passwordsDiffer"]);

  const ok = await post(here, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "jauna-parole-2026", confirmPassword: "jauna-parole-2026" });
  expect(ok.status).toBe(302);
  expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "jauna-parole-2026")).toBe(true);
  expect(await getUser(getRequest("/", here))).not.toBeNull();
  expect(await getUser(getRequest("/", elsewhere))).toBeNull();
});

test("a person sees their sessions and ends another one, never someone else's", async () => {
  const user = await createUser();
  const here = await sessionCookieFor(user.id);
  await sessionCookieFor(user.id);
  const view = (await run(accountLoader, { request: getRequest("/account", here) })).data as { account: { sessions: { id: string; current: boolean }[] } };
  expect(view.account.sessions).toHaveLength(2);
  expect(view.account.sessions.filter((s) => s.current)).toHaveLength(1);
  const other = view.account.sessions.find((s) => !s.current)!;
  const current = view.account.sessions.find((s) => s.current)!;
  expect((await post(here, { intent: "end-session", sessionId: current.id })).status).toBe(400);
  const stranger = await createUser();
  expect((await post(await sessionCookieFor(stranger.id), { intent: "end-session", sessionId: other.id })).status).toBe(404);
  expect((await post(here, { intent: "end-session", sessionId: other.id })).status).toBe(302);
  expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
});
