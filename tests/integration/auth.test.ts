import { describe, expect, test } from "vitest";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as homeLoader } from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import { getUser } from "~/utils/auth.server";
import { pruneExpired } from "~/modules/system/background.server";
import { TEST_PASSWORD, createUser } from "../factories/user";
import { cookieFrom, formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";

function signIn(email: string, password: string, extra: Record<string, string> = {}, ip = "10.0.0.1") {
  return run(loginAction, { request: formRequest("/login", { email, password, ...extra }), context: { clientIp: ip } });
}

function formErrors(data: unknown) {
  return (data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {};
}

describe("sign-in", () => {
  test("the right password signs in, with a fresh httpOnly SameSite session cookie", async () => {
    const user = await createUser({ email: "laura@example.lv" });
    const result = await signIn("Laura@Example.lv ", TEST_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    const setCookie = result.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=43200/);
    const cookie = cookieFrom(new Response(null, { headers: { "Set-Cookie": setCookie } }));
    const signedIn = await getUser(getRequest("/", cookie));
    expect(signedIn?.id).toBe(user.id);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("signing in again issues a new session id and removes the old one", async () => {
    const user = await createUser();
    const firstCookie = (await signIn(user.email, TEST_PASSWORD)).headers.get("Set-Cookie")!.split(";")[0];
    const [firstSession] = await prisma.session.findMany({ where: { userId: user.id } });
    // While the session is valid, the login page sends the user home instead of signing in twice.
    const again = await run(loginAction, {
      request: formRequest("/login", { email: user.email, password: TEST_PASSWORD }, { cookie: firstCookie }),
    });
    expect(again.status).toBe(302);
    expect(again.headers.get("Set-Cookie")).toBeNull();
    // Once it has expired, signing in with the old cookie gets a new id, and the old row is gone.
    await prisma.session.update({ where: { id: firstSession.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const renewed = await run(loginAction, {
      request: formRequest("/login", { email: user.email, password: TEST_PASSWORD }, { cookie: firstCookie }),
    });
    expect(renewed.status).toBe(302);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id).not.toBe(firstSession.id);
    expect(renewed.headers.get("Set-Cookie")!.split(";")[0]).not.toBe(firstCookie);
  });

  test("a wrong password and an unknown e-mail get the same message and status", async () => {
    const user = await createUser();
    const wrongPassword = await signIn(user.email, "not-the-password");
    const unknownEmail = await signIn("nobody@example.lv", TEST_PASSWORD);
    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    expect(formErrors(wrongPassword.data)[""]).toEqual(["auth:login.invalid"]);
    expect(formErrors(unknownEmail.data)[""]).toEqual(["auth:login.invalid"]);
    expect(wrongPassword.headers.get("Set-Cookie")).toBeNull();
  });

  test("missing and malformed fields answer 400 with the message beside the field, keeping the e-mail", async () => {
    const result = await run(loginAction, { request: formRequest("/login", { email: "not-an-email" }) });
    expect(result.status).toBe(400);
    const answer = reply(result);
    expect(answer.error.email).toEqual(["email"]);
    expect(answer.error.password).toEqual(["required"]);
    expect(answer.initialValue.email).toBe("not-an-email");
  });

  test("a body that is not a form answers 400, not 500", async () => {
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "garbage",
    });
    const result = await run(loginAction, { request });
    expect(result.status).toBe(400);
  });

  test("a deactivated user cannot sign in", async () => {
    const user = await createUser({ active: false });
    const result = await signIn(user.email, TEST_PASSWORD);
    expect(result.status).toBe(400);
  });

  // The throttle itself (by account and address, with growing waits) is tested in sign-in-throttle.test.ts.
  test("five failures at one e-mail from other addresses do not lock out the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(user.email, "wrong-password", {}, `10.1.0.${i}`)).status).toBe(400);
    }
    expect((await signIn(user.email, TEST_PASSWORD, {}, "10.1.0.99")).status).toBe(302);
  });

  test("five failures from one address at other e-mails do not refuse that address", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await signIn(`stranger${i}@example.lv`, "guess", {}, "10.2.0.7");
    expect((await signIn(user.email, TEST_PASSWORD, {}, "10.2.0.7")).status).toBe(302);
  });

  test("redirectTo is followed only to same-site paths", async () => {
    const user = await createUser();
    for (const [target, expected] of [
      ["/ideas?stage=discover", "/ideas?stage=discover"],
      ["https://evil.example/steal", "/"],
      ["//evil.example/steal", "/"],
      ["/\\evil.example", "/"],
      ["javascript:alert(1)", "/"],
    ] as const) {
      await prisma.session.deleteMany({ where: { userId: user.id } });
      const result = await signIn(user.email, TEST_PASSWORD, { redirectTo: target });
      expect(result.location, target).toBe(expected);
    }
  });

  test("the login page itself sends a signed-in user home", async () => {
    const user = await createUser();
    const cookie = (await signIn(user.email, TEST_PASSWORD)).headers.get("Set-Cookie")!.split(";")[0];
    const result = await run(loginLoader, { request: getRequest("/login", cookie) });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });
});

describe("sign-out", () => {
  test("signing out ends the session on the server, so the old cookie no longer works", async () => {
    const user = await createUser();
    const cookie = (await signIn(user.email, TEST_PASSWORD)).headers.get("Set-Cookie")!.split(";")[0];
    expect((await run(homeLoader, { request: getRequest("/", cookie) })).status).toBe(200);
    const out = await run(logoutAction, { request: formRequest("/logout", {}, { cookie }) });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await run(homeLoader, { request: getRequest("/", cookie) });
    expect(after.status).toBe(302);
    expect(after.location).toBe("/login?redirectTo=%2F");
  });

  test("an expired session is not accepted", async () => {
    const user = await createUser();
    const cookie = (await signIn(user.email, TEST_PASSWORD)).headers.get("Set-Cookie")!.split(";")[0];
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(getRequest("/", cookie))).toBeNull();
  });
});

test("the hourly sweep removes expired sessions and sign-in attempts older than the throttle's memory (a day), and nothing else", async () => {
  const person = await createUser();
  const now = new Date("2026-11-27T12:00:00Z");
  await prisma.session.createMany({
    data: [
      { id: "sweep-expired", userId: person.id, expiresAt: new Date("2026-11-27T11:59:00Z") },
      { id: "sweep-current", userId: person.id, expiresAt: new Date("2026-12-04T12:00:00Z") },
    ],
  });
  await prisma.loginAttempt.createMany({
    data: [
      { email: "sweep@example.lv", ip: "10.1.1.1", success: false, createdAt: new Date("2026-11-26T11:50:00Z") },
      { email: "sweep@example.lv", ip: "10.1.1.1", success: false, createdAt: new Date("2026-11-26T12:10:00Z") },
    ],
  });
  await pruneExpired(now);
  expect((await prisma.session.findMany({ where: { userId: person.id }, select: { id: true } })).map((s) => s.id)).toEqual(["sweep-current"]);
  expect(
    (await prisma.loginAttempt.findMany({ where: { email: "sweep@example.lv" }, select: { createdAt: true } })).map((a) => a.createdAt.toISOString()),
  ).toEqual(["2026-11-26T12:10:00.000Z"]);
});
