// Setting a password: the rule (at least 12 characters, not common, not personal, not easy to guess)
// wherever a password is set; the current-password check on /account throttled and audited; and the
// e-mail a person gets when their password changes, with the audit entries of the change.
import { afterEach, describe, expect, test } from "vitest";
import { runDueReactions } from "~/core/reactors.server";
import { passwordProblem } from "~/modules/user/password-policy.server";
import { PAIR_BASE_WAIT_S, PAIR_FREE_FAILURES } from "~/modules/user/throttle.server";
import { newPasswordLink } from "~/modules/user/users.server";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as setPasswordAction } from "~/routes/set-password.$token";
import { prisma } from "~/utils/db.server";
import { translateError } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { verifyPassword } from "~/utils/password.server";
import { formRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { startSmtp, type TestSmtp } from "../factories/smtp";
import { TEST_PASSWORD, createUser, sessionCookieFor } from "../factories/user";

const GOOD = "zils-kalns-mežā-7";

const changePassword = (cookie: string, fields: { current: string; next: string; confirm?: string }, ip = "10.9.0.1") =>
  run(accountAction, {
    request: formRequest(
      "/account",
      { intent: "password", currentPassword: fields.current, newPassword: fields.next, confirmPassword: fields.confirm ?? fields.next },
      { cookie },
    ),
    context: { clientIp: ip },
  });

async function linkFor(userId: number) {
  const admin = await createUser({ role: "ADMIN" });
  const made = await newPasswordLink(admin, { userId });
  if (!made.ok) throw new Error("no link");
  return made.value.link.split("/set-password/")[1];
}

const setPassword = (token: string, password: string, ip = "10.9.0.2") =>
  run(setPasswordAction, {
    request: formRequest(`/set-password/${token}`, { password, confirmPassword: password }),
    params: { token },
    context: { clientIp: ip },
  });

const passwordOf = async (userId: number) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;
const outboxFor = (userId: number) => prisma.outboxMessage.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("the password rule", () => {
  test("refuses what is too short, common, personal or easy to guess, and takes a few unrelated words", async () => {
    const person = { name: "Sandra Lāce", email: "sandra.lace@example.lv" };
    expect(await passwordProblem("īsa-parole", person)).toBe('passwordTooShort|{"min":12}');
    expect(await passwordProblem("aaaaaaaaaaaa", person)).toBe("passwordGuessable");
    expect(await passwordProblem("abcdefghijkl", person)).toBe("passwordGuessable");
    expect(await passwordProblem("password1234", person)).toBe("passwordCommon");
    expect(await passwordProblem("parole123456", person)).toBe("passwordCommon");
    // Three parts reach zxcvbn's score 3 by their number alone; the parts themselves must.
    expect(await passwordProblem("Parole123456!", person)).toBe("passwordCommon");
    expect(await passwordProblem("janvaris2026!", person)).toBe("passwordCommon");
    expect(await passwordProblem("sandra.lace1990", person)).toBe("passwordPersonal");
    expect(await passwordProblem("SandraLāce2026", person)).toBe("passwordPersonal");
    expect(await passwordProblem("laboratorija", person)).toBe("passwordPersonal");
    for (const good of [GOOD, "correct-horse-battery", "jauna-parole-2026", "Mans suns ēd burkānus", TEST_PASSWORD]) {
      expect(await passwordProblem(good, person), good).toBeNull();
    }
    // A password manager's long password is judged by its first 48 characters (zxcvbn's work grows
    // faster than the length: 256 random characters took 2.4 s); what follows cannot weaken it.
    const long = "Xq7#vLm2!pR9@tZk4$wN8&bYc3*hJf6^sDg1%eUa5(oIi0)Ql";
    expect(await passwordProblem(long + "aaaaaaaaaa".repeat(20), person)).toBeNull();
    expect(await passwordProblem("aaaaaaaaaa".repeat(5) + long, person)).toBe("passwordGuessable");
    // Each reason has its words in both languages.
    for (const locale of ["lv", "en"] as const) {
      const t = await getFixedT(locale);
      const fallback = t("common:validation.invalid");
      for (const key of ["passwordCommon", "passwordPersonal", "passwordGuessable", 'retrySeconds|{"count":30}', 'retryMinutes|{"count":2}']) {
        expect(translateError(t, key), `${locale} ${key}`).not.toBe(fallback);
      }
    }
    expect(translateError(await getFixedT("lv"), 'retryMinutes|{"count":2}')).toBe("Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc 2 minūtēm.");
    expect(translateError(await getFixedT("en"), 'retrySeconds|{"count":1}')).toBe("Too many failed attempts. Try again in 1 second.");
  });

  test("on /account: each refusal beside the new password, saying why, with what was typed kept except the passwords", async () => {
    const user = await createUser({ name: "Pēteris Kalniņš" });
    const cookie = await sessionCookieFor(user.id);
    const before = await passwordOf(user.id);
    for (const [password, message] of [
      ["aaaaaaaaaaaa", "passwordGuessable"],
      ["password1234", "passwordCommon"],
      ["parole123456", "passwordCommon"],
      ["peteris-kalnins", "passwordPersonal"],
    ]) {
      const refused = await changePassword(cookie, { current: TEST_PASSWORD, next: password });
      expect(refused.status, password).toBe(400);
      const answer = reply(refused);
      expect(answer.error.newPassword, password).toEqual([message]);
      expect(answer.error.currentPassword ?? null).toBeNull();
      expect(answer.initialValue).toEqual({ intent: "password" });
    }
    expect(await passwordOf(user.id)).toBe(before);
    expect(await outboxFor(user.id)).toEqual([]);
  });

  test("on /set-password: the link stays usable until a password passes", async () => {
    const user = await createUser();
    const token = await linkFor(user.id);
    for (const [password, message] of [
      ["aaaaaaaaaaaa", "passwordGuessable"],
      ["password1234", "passwordCommon"],
      ["parole123456", "passwordCommon"],
    ]) {
      const refused = await setPassword(token, password);
      expect(refused.status, password).toBe(400);
      expect(reply(refused).error.password, password).toEqual([message]);
      expect(reply(refused).initialValue).toEqual({});
    }
    expect(await prisma.auditEntry.count({ where: { action: "PASSWORD_LINK_USE", targetId: String(user.id) } })).toBe(0);
    expect((await setPassword(token, GOOD)).status).toBe(302);
    expect(await verifyPassword(await passwordOf(user.id), GOOD)).toBe(true);
  });
});

describe("the current-password check on /account", () => {
  test("is throttled like signing in, and every failure is recorded and audited", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const ip = "10.9.1.1";
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) {
      const wrong = await changePassword(cookie, { current: `not-my-password-${i}`, next: GOOD }, ip);
      expect(wrong.status).toBe(400);
      expect(reply(wrong).error.currentPassword).toEqual(["account:errors.wrongPassword"]);
    }
    const failures = await prisma.auditEntry.findMany({ where: { action: "PASSWORD_CHECK_FAILED", targetId: String(user.id) } });
    expect(failures).toHaveLength(PAIR_FREE_FAILURES);
    for (const entry of failures) {
      expect(entry).toMatchObject({ actorId: user.id, targetType: "USER", ip });
      expect(JSON.parse(entry.after!)).toEqual({ reason: "invalid" });
    }
    expect(await prisma.loginAttempt.count({ where: { email: user.email, ip, success: false } })).toBe(PAIR_FREE_FAILURES);

    // Now even the right current password waits.
    const refused = await changePassword(cookie, { current: TEST_PASSWORD, next: GOOD }, ip);
    expect(refused.status).toBe(429);
    expect(reply(refused).error.currentPassword).toEqual([`retrySeconds|{"count":${PAIR_BASE_WAIT_S}}`]);
    const throttled = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "PASSWORD_CHECK_FAILED", targetId: String(user.id) },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(throttled.after!)).toEqual({ reason: "throttled", rule: "pair", retryAfterS: PAIR_BASE_WAIT_S });
    expect(await verifyPassword(await passwordOf(user.id), TEST_PASSWORD)).toBe(true);
    // The same count as signing in: the password cannot be guessed on one page while the other waits.
    expect((await run(loginAction, { request: formRequest("/login", { email: user.email, password: TEST_PASSWORD }), context: { clientIp: ip } })).status).toBe(
      429,
    );
  });
});

describe("a changed password", () => {
  let smtp: TestSmtp | null = null;
  afterEach(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
    smtp = null;
  });

  test("on /account: audited with how and where, and the person is e-mailed in their language, at once", async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    const user = await createUser({ name: "Anna Bērziņa", email: "anna.berzina@example.lv", locale: "lv" });
    const cookie = await sessionCookieFor(user.id);
    expect((await changePassword(cookie, { current: TEST_PASSWORD, next: GOOD }, "10.9.2.2")).status).toBe(302);

    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "PASSWORD_CHANGE", targetId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: user.id, targetType: "USER", ip: "10.9.2.2" });
    expect(JSON.parse(audit.after!)).toEqual({ how: "account" });

    // Queued in the change's own transaction…
    const [mail] = await outboxFor(user.id);
    expect(mail).toMatchObject({ to: "anna.berzina@example.lv", locale: "lv", status: "PENDING", subject: "Ideju laboratorija: jūsu parole ir nomainīta" });
    expect(mail.text).toContain("Labdien, Anna Bērziņa!");
    expect(mail.text).toMatch(/Jūsu Ideju laboratorijas konta \(anna\.berzina@example\.lv\) parole tika nomainīta konta lapā .*2\d{3}.* \(Rīgas laikā\)\./);
    expect(mail.text).toContain("Tas tika izdarīts no adreses 10.9.2.2.");
    expect(mail.text).toContain("Ja to nedarījāt jūs");
    expect(mail.text).toContain("administratoru");
    // …and sent as soon as the change has committed.
    await runDueReactions();
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("SENT");
    expect(smtp.received.map((m) => m.subject)).toContain("Ideju laboratorija: jūsu parole ir nomainīta");
  });

  test("with a set-password link: the link's use and the change audited, and a notice in both languages for someone who has not chosen one", async () => {
    const user = await createUser({ name: "Ivars Ozols" });
    const token = await linkFor(user.id);
    expect((await setPassword(token, GOOD, "10.9.3.3")).status).toBe(302);

    const entries = await prisma.auditEntry.findMany({
      where: { action: { in: ["PASSWORD_LINK_USE", "PASSWORD_CHANGE"] }, targetId: String(user.id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.actorId, e.targetType, e.ip])).toEqual([
      ["PASSWORD_LINK_USE", user.id, "USER", "10.9.3.3"],
      ["PASSWORD_CHANGE", user.id, "USER", "10.9.3.3"],
    ]);
    expect(JSON.parse(entries[1].after!)).toEqual({ how: "link" });

    const [mail] = await outboxFor(user.id);
    // Without SMTP the notice is kept, as every e-mail is, to be seen in /admin/outbox.
    expect(mail).toMatchObject({
      to: user.email,
      status: "NOT_SENT",
      subject: "Ideju laboratorija: jūsu parole ir nomainīta / Idea Lab: your password was changed",
    });
    expect(mail.text).toContain("parole tika iestatīta ar paroles iestatīšanas saiti");
    expect(mail.text).toMatch(/The password of your Idea Lab account \(.+\) was set with a set-password link on .*2\d{3}.* \(Riga time\)\./);
    expect(mail.text).toContain("The change came from the address 10.9.3.3.");
    expect(mail.text).toContain("If it was not you, someone else may know your password or have got hold of the link.");
  });

  test("in English for someone who chose English, and without an address when none is known", async () => {
    const user = await createUser({ locale: "en" });
    const cookie = await sessionCookieFor(user.id);
    expect((await changePassword(cookie, { current: TEST_PASSWORD, next: GOOD }, "unknown")).status).toBe(302);
    const [mail] = await outboxFor(user.id);
    expect(mail).toMatchObject({ locale: "en", subject: "Idea Lab: your password was changed" });
    expect(mail.text).toContain("was changed on the account page on");
    expect(mail.text).not.toContain("address");
  });

  test("a refused change sends nothing and audits no change", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    expect((await changePassword(cookie, { current: "wrong-wrong-wrong", next: GOOD })).status).toBe(400);
    expect((await changePassword(cookie, { current: TEST_PASSWORD, next: "password1234" })).status).toBe(400);
    expect(await outboxFor(user.id)).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { action: "PASSWORD_CHANGE", targetId: String(user.id) } })).toBe(0);
  });
});
