import { Secret, TOTP } from "otpauth";
import { expect, test } from "vitest";
import { loader as adminLoader } from "~/routes/admin._index";
import { action as adminUserAction } from "~/routes/admin.users_.$id";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/account_.two-factor";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code";
import { prisma } from "~/utils/db.server";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { TEST_PASSWORD, TEST_TOTP_SECRET, createUser, sessionCookieFor, signedIn } from "../factories/user";

const STEP = 30_000;
const codeAt = (secret: string, at: number) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
/** The code of the step after the last one used: the server accepts one step of drift, and each step once. */
let offset = 0;
const nextCode = (secret = TEST_TOTP_SECRET) => codeAt(secret, Date.now() + STEP * (offset++ % 2 === 0 ? 0 : 1));

const cookies = (response: { headers: Headers }) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function auditOf(userId: number, action: string) {
  return prisma.auditEntry.findMany({ where: { targetId: String(userId), action: action as never }, orderBy: { id: "asc" } });
}

test("a person enrols by scanning the QR code (or typing the secret), confirms with a code and gets ten recovery codes once", async () => {
  const person = await signedIn("FACILITATOR");
  const page = async () =>
    (await run(twoFactorLoader, { request: getRequest("/account/two-factor", person.cookie) })).data as {
      state: { enabled: boolean; pending: boolean; recoveryLeft: number };
      enrolment: { secret: string; qrSvg: string } | null;
    };
  expect((await page()).state).toMatchObject({ enabled: false, pending: false });
  // Looking at the page changes nothing: the secret is made by a POST.
  expect((await page()).enrolment).toBeNull();
  expect((await run(twoFactorAction, { request: formRequest("/account/two-factor", { intent: "start" }, { cookie: person.cookie }) })).status).toBe(302);
  const { enrolment, state } = await page();
  expect(state.pending).toBe(true);
  expect(enrolment!.qrSvg).toMatch(/^<svg[^>]*>/);
  const secret = enrolment!.secret.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const wrong = await run(twoFactorAction, { request: formRequest("/account/two-factor", { intent: "confirm", code: "000000" }, { cookie: person.cookie }) });
  expect(wrong.status).toBe(400);
  expect(reply(wrong).error.code).toEqual(["account:twoFactor.errors.wrongCode"]);
  expect((await page()).state.enabled).toBe(false);

  const right = await run(twoFactorAction, {
    request: formRequest("/account/two-factor", { intent: "confirm", code: codeAt(secret, Date.now()) }, { cookie: person.cookie }),
  });
  expect(right.status).toBe(200);
  const codes = (right.data as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  // Only hashes are kept.
  const stored = await prisma.recoveryCode.findMany({ where: { userId: person.id } });
  expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
  expect((await page()).state).toMatchObject({ enabled: true, recoveryLeft: 10 });
  expect(await auditOf(person.id, "TWO_FACTOR_ENROL")).toHaveLength(1);
  expect((await auditOf(person.id, "TWO_FACTOR_FAILED"))[0]).toMatchObject({ actorId: person.id, ip: "10.0.0.1" });
});

test("with two-factor on, the password opens only the second step; a code from the app signs in, once; a wrong one is refused and logged", async () => {
  const person = await createUser({ role: "SUBMITTER", twoFactor: true });
  const first = await run(loginAction, { request: formRequest("/login", { email: person.email, password: TEST_PASSWORD, redirectTo: "/ideas" }) });
  expect(first.status).toBe(302);
  expect(first.location).toBe("/login/code");
  expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
  const pending = cookies(first);
  expect(pending).toMatch(/^signin=/);
  expect((await run(codeLoader, { request: getRequest("/login/code", pending) })).status).toBe(200);

  const wrong = await run(codeAction, { request: formRequest("/login/code", { code: "123456" }, { cookie: pending }), context: { clientIp: "10.4.4.4" } });
  expect(wrong.status).toBe(400);
  expect(reply(wrong).error.code).toEqual(["account:twoFactor.errors.wrongCode"]);
  expect((await auditOf(person.id, "TWO_FACTOR_FAILED"))[0]).toMatchObject({ ip: "10.4.4.4" });
  expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);

  const code = nextCode();
  const signedInNow = await run(codeAction, { request: formRequest("/login/code", { code }, { cookie: pending }) });
  expect(signedInNow.status).toBe(302);
  expect(signedInNow.location).toBe("/ideas");
  expect(await prisma.session.count({ where: { userId: person.id } })).toBe(1);
  const signIns = await auditOf(person.id, "SIGN_IN");
  expect(JSON.parse(signIns.at(-1)!.after!)).toEqual({ secondFactor: "ok" });

  // The same code again (someone who watched it typed) is refused.
  const replay = await run(codeAction, { request: formRequest("/login/code", { code }, { cookie: pending }) });
  expect(replay.status).toBe(400);
});

test("a recovery code signs in once; the second step without a right password, or after five minutes, goes back to the start", async () => {
  const person = await signedIn("SUBMITTER");
  await run(twoFactorAction, { request: formRequest("/account/two-factor", { intent: "start" }, { cookie: person.cookie }) });
  const { totpSecret } = await prisma.user.findUniqueOrThrow({ where: { id: person.id } });
  const made = await run(twoFactorAction, {
    request: formRequest("/account/two-factor", { intent: "confirm", code: codeAt(totpSecret!, Date.now()) }, { cookie: person.cookie }),
  });
  const [recovery] = (made.data as { data: { recoveryCodes: string[] } }).data.recoveryCodes;

  const first = await run(loginAction, { request: formRequest("/login", { email: person.email, password: TEST_PASSWORD }) });
  const pending = cookies(first);
  const used = await run(codeAction, { request: formRequest("/login/code", { code: ` ${recovery.toUpperCase()} ` }, { cookie: pending }) });
  expect(used.status).toBe(302);
  expect(used.location).toBe("/account/two-factor");
  expect(await auditOf(person.id, "RECOVERY_CODE_USE")).toHaveLength(1);
  const again = await run(codeAction, { request: formRequest("/login/code", { code: recovery }, { cookie: pending }) });
  expect(again.status).toBe(400);

  // No pending sign-in, a forged one, or an old one: back to the e-mail and password.
  for (const cookie of [undefined, `signin=${Buffer.from(JSON.stringify({ userId: person.id, until: Date.now() + 60_000 })).toString("base64")}`]) {
    const refused = await run(codeLoader, { request: getRequest("/login/code", cookie) });
    expect(refused.status).toBe(302);
    expect(refused.location).toBe("/login");
  }
  const realNow = Date.now;
  try {
    Date.now = () => realNow() + 6 * 60_000;
    expect((await run(codeAction, { request: formRequest("/login/code", { code: nextCode(totpSecret!) }, { cookie: pending }) })).location).toBe("/login");
  } finally {
    Date.now = realNow;
  }
});

test("an administrator without two-factor is sent to enrol before the admin pages; enrolled, they come in", async () => {
  const fresh = await createUser({ role: "ADMIN", twoFactor: false });
  const before = await run(adminLoader, { request: getRequest("/admin", await sessionCookieFor(fresh.id)) });
  expect(before.status).toBe(302);
  expect(before.location).toBe("/account/two-factor?required=1");
  const enrolled = await signedIn("ADMIN");
  expect((await run(adminLoader, { request: getRequest("/admin", enrolled.cookie) })).status).toBe(200);
  // An administrator keeps it: turning it off is refused.
  const off = await run(twoFactorAction, { request: formRequest("/account/two-factor", { intent: "disable", code: nextCode() }, { cookie: enrolled.cookie }) });
  expect(off.status).toBe(403);
});

test("an administrator resets a person's second factor: it is off, the person's sessions end, and the log says who did it from where", async () => {
  const admin = await signedIn("ADMIN");
  const person = await signedIn({ role: "FACILITATOR", twoFactor: true });
  const reset = await run(adminUserAction, {
    request: formRequest(`/admin/users/${person.id}`, { intent: "reset-two-factor", userId: String(person.id) }, { cookie: admin.cookie }),
    params: { id: String(person.id) },
    context: { clientIp: "10.7.7.7" },
  });
  expect(reset.status).toBe(302);
  const row = await prisma.user.findUniqueOrThrow({ where: { id: person.id } });
  expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
  expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
  expect((await auditOf(person.id, "TWO_FACTOR_RESET"))[0]).toMatchObject({ actorId: admin.id, ip: "10.7.7.7" });
  // Nothing left to reset.
  const twice = await run(adminUserAction, {
    request: formRequest(`/admin/users/${person.id}`, { intent: "reset-two-factor", userId: String(person.id) }, { cookie: admin.cookie }),
    params: { id: String(person.id) },
  });
  expect(twice.status).toBe(409);
  // A facilitator cannot.
  const facilitator = await signedIn("FACILITATOR");
  const other = await signedIn({ role: "SUBMITTER", twoFactor: true });
  const refused = await run(adminUserAction, {
    request: formRequest(`/admin/users/${other.id}`, { intent: "reset-two-factor", userId: String(other.id) }, { cookie: facilitator.cookie }),
    params: { id: String(other.id) },
  });
  expect(refused.status).toBe(403);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ totpSecret: TEST_TOTP_SECRET });
});
