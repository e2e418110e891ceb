// Notification preferences, the mail job and the outbox, against a real SMTP server on loopback.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { moveIdea } from "~/modules/board/board.server";
import { addComment } from "~/modules/idea/idea.server";
import { MAX_ATTEMPTS } from "~/modules/mail/outbox.server";
import { labClock, runMailPass } from "~/modules/mail/jobs.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { action as usersAction } from "~/routes/admin.users";
import { prisma } from "~/utils/db.server";
import { ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { startSmtp, type TestSmtp } from "../factories/smtp";
import { createUser, sessionCookieFor } from "../factories/user";

const allPrefs = (mode: string, overrides: Record<string, string> = {}) => ({
  intent: "notifications",
  MOVED: mode,
  CLOSED: mode,
  RETURNED: mode,
  DECLINED: mode,
  COMMENT: mode,
  ASSIGNED: mode,
  MERGED: mode,
  ...overrides,
});
/** Everything waiting for e-mail is taken as dealt with (what happened before the test's own news). */
const settle = () => prisma.notification.updateMany({ where: { mailedAt: null }, data: { mailedAt: new Date() } });
/** An idea on the board whose earlier news (its submission, its moves) was already e-mailed. */
const settledIdea = async (...args: Parameters<typeof ideaInStage>) => {
  const idea = await ideaInStage(...args);
  await settle();
  return idea;
};
const savePrefs = async (userId: number, fields: Record<string, string>) =>
  run(accountAction, { request: formRequest("/account", fields, { cookie: await sessionCookieFor(userId) }) });
const mailsTo = (smtp: TestSmtp, email: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === email);

let smtp: TestSmtp | null = null;
beforeEach(async () => {
  // Each test starts with nothing waiting from an earlier one.
  await settle();
});
afterEach(async () => {
  delete process.env.SMTP_URL;
  await smtp?.close();
  smtp = null;
});
async function withSmtp() {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  return smtp;
}

describe("preferences", () => {
  test("each kind starts at its default; a person's choice is saved and shown back", async () => {
    const person = await createUser();
    const cookie = await sessionCookieFor(person.id);
    const before = (await run(accountLoader, { request: getRequest("/account", cookie) })).data as {
      preferences: Record<string, string>;
      emailConfigured: boolean;
    };
    expect(before.preferences).toEqual({
      MOVED: "INSTANT",
      CLOSED: "INSTANT",
      RETURNED: "INSTANT",
      DECLINED: "INSTANT",
      COMMENT: "DIGEST",
      ASSIGNED: "INSTANT",
      MERGED: "INSTANT",
    });
    expect(before.emailConfigured).toBe(false);

    const saved = await savePrefs(person.id, allPrefs("DIGEST", { COMMENT: "OFF" }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/account#notifications");
    const after = (await run(accountLoader, { request: getRequest("/account", cookie) })).data as { preferences: Record<string, string> };
    expect(after.preferences).toMatchObject({ MOVED: "DIGEST", COMMENT: "OFF", ASSIGNED: "DIGEST" });
  });

  test("an unknown choice is refused with a message beside it, and nothing changes", async () => {
    const person = await createUser();
    const refused = await savePrefs(person.id, allPrefs("INSTANT", { COMMENT: "HOURLY" }));
    expect(refused.status).toBe(400);
    const answer = reply(refused);
    expect(answer.error.COMMENT).toEqual(["invalidChoice"]);
    expect(answer.initialValue.MOVED).toBe("INSTANT");
    expect(await prisma.notificationPreference.count({ where: { userId: person.id } })).toBe(0);
  });

  test("off means no notification at all; digest and at once are written as chosen", async () => {
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    await savePrefs(author.id, allPrefs("INSTANT", { MOVED: "OFF", COMMENT: "DIGEST" }));
    const idea = await settledIdea("discover", author.id);
    await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });
    await addComment(facilitator, { ideaId: idea.id, body: "Kā jums tas izdevās?", internal: false });
    const rows = await prisma.notification.findMany({ where: { userId: author.id }, select: { kind: true, delivery: true } });
    expect(rows).toEqual([{ kind: "COMMENT", delivery: "DIGEST" }]);
  });
});

describe("e-mail at once", () => {
  test("the author gets one e-mail in their language with the idea and a link; the actor gets none; a second pass sends nothing", async () => {
    const server = await withSmtp();
    const author = await createUser({ name: "Līga Ābele" });
    await prisma.user.update({ where: { id: author.id }, data: { locale: "lv" } });
    const facilitator = await createUser({ role: "FACILITATOR", name: "Ēriks Šņore" });
    const idea = await settledIdea("discover", author.id, { title: "Ūdens skaitītāju rādījumi vienā klikšķī" });
    await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });

    expect(await runMailPass()).toMatchObject({ instant: 1, sent: 1 });
    const [mail, ...rest] = mailsTo(server, author.email);
    expect(rest).toEqual([]);
    expect(mail.subject).toBe("Jūsu ideja pārvietota uz citu posmu: Ūdens skaitītāju rādījumi vienā klikšķī");
    expect(mail.text).toContain("Labdien, Līga Ābele!");
    expect(mail.text).toContain(`http://localhost:3000/ideas/${idea.id}`);
    expect(mail.text).toContain("Pašlaik posmā: Problēmas definēšana");
    expect(mail.text).toContain("ideja pārvietota uz citu posmu (Ēriks Šņore,");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mailsTo(server, facilitator.email)).toEqual([]);

    expect(await runMailPass()).toMatchObject({ instant: 0, sent: 0 });
    expect(server.received).toHaveLength(1);
    expect(await prisma.outboxMessage.findFirst({ where: { userId: author.id }, select: { status: true, kind: true } })).toEqual({
      status: "SENT",
      kind: "INSTANT",
    });
  });

  test("in English for a person who chose English; several at once make one e-mail; what was read in the app is not e-mailed", async () => {
    const server = await withSmtp();
    const author = await createUser({ name: "Jane Roe" });
    await prisma.user.update({ where: { id: author.id }, data: { locale: "en" } });
    const facilitator = await createUser({ role: "FACILITATOR" });
    const first = await settledIdea("discover", author.id, { title: "First idea" });
    const second = await settledIdea("discover", author.id, { title: "Second idea" });
    const third = await settledIdea("discover", author.id, { title: "Already seen" });
    await moveIdea(facilitator, { ideaId: first.id, version: first.version, stage: "define" });
    await moveIdea(facilitator, { ideaId: second.id, version: second.version, stage: "define" });
    await moveIdea(facilitator, { ideaId: third.id, version: third.version, stage: "define" });
    await prisma.notification.updateMany({ where: { userId: author.id, ideaId: third.id }, data: { readAt: new Date() } });

    await runMailPass();
    const mails = mailsTo(server, author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Idea Lab: 2 updates");
    expect(mails[0].text).toContain("Hello Jane Roe,");
    expect(mails[0].text).toContain("First idea");
    expect(mails[0].text).toContain("Second idea");
    expect(mails[0].text).not.toContain("Already seen");
    expect(mails[0].text).toContain("Now in stage: Define");
    expect(await prisma.notification.count({ where: { userId: author.id, mailedAt: null } })).toBe(0);
  });

  test("a deactivated person is not e-mailed", async () => {
    const server = await withSmtp();
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    const idea = await settledIdea("discover", author.id);
    await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });
    await prisma.user.update({ where: { id: author.id }, data: { active: false } });
    await runMailPass();
    expect(mailsTo(server, author.email)).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: author.id, mailedAt: null } })).toBe(0);
  });
});

describe("the daily digest", () => {
  // 07:30 and 09:30 in Riga (UTC+2 in winter); the digest goes out from 08:00.
  const early = new Date("2026-11-30T05:30:00Z");
  const morning = new Date("2026-11-30T07:30:00Z");
  const evening = new Date("2026-11-30T16:00:00Z");
  const nextMorning = new Date("2026-12-01T07:30:00Z");

  test("the lab's clock is Riga's", () => {
    expect(labClock(early)).toEqual({ day: "2026-11-30", hour: 7 });
    expect(labClock(new Date("2026-11-30T22:30:00Z"))).toEqual({ day: "2026-12-01", hour: 0 });
  });

  test("gathers the day's news into one e-mail grouped by idea, from the digest hour, at most once a day", async () => {
    const server = await withSmtp();
    const author = await createUser({ name: "Anna Kalniņa" });
    const colleague = await createUser({ name: "Jānis Bērziņš" });
    const facilitator = await createUser({ role: "FACILITATOR", name: "Laura Zariņa" });
    await savePrefs(author.id, allPrefs("DIGEST"));
    const a = await settledIdea("discover", author.id, { title: "Rindas bez rindām" });
    const b = await settledIdea("discover", author.id, { title: "Vienkāršāki iesniegumi" });
    await moveIdea(facilitator, { ideaId: a.id, version: a.version, stage: "define" });
    await addComment(colleague, { ideaId: a.id, body: "Arī mums tas noderētu.", internal: false });
    await addComment(facilitator, { ideaId: b.id, body: "Vai esat runājuši ar lietotājiem?", internal: false });

    expect((await runMailPass(early)).digests).toBe(0);
    expect(mailsTo(server, author.email)).toEqual([]);

    await runMailPass(morning);
    const [digest] = mailsTo(server, author.email);
    expect(digest.subject).toBe("Ideju laboratorijas dienas kopsavilkums: 3 jaunumi");
    const text = digest.text ?? "";
    // Each idea once, its news beneath it.
    expect(text.split("Rindas bez rindām").length - 1).toBe(1);
    expect(text.split("Vienkāršāki iesniegumi").length - 1).toBe(1);
    const blockA = text.slice(
      text.indexOf("Rindas bez rindām"),
      text.indexOf("Vienkāršāki iesniegumi") > text.indexOf("Rindas bez rindām") ? text.indexOf("Vienkāršāki iesniegumi") : undefined,
    );
    expect(blockA).toContain("ideja pārvietota uz citu posmu (Laura Zariņa");
    expect(blockA).toContain("jauns komentārs (Jānis Bērziņš");
    expect(text).toContain(`/ideas/${b.id}`);
    expect(text).toContain("http://localhost:3000/account#notifications");

    // Later the same day: gathered, but not sent until tomorrow.
    await addComment(colleague, { ideaId: b.id, body: "Es varu palīdzēt ar aptauju.", internal: false });
    await runMailPass(evening);
    expect(mailsTo(server, author.email)).toHaveLength(1);
    // The facilitator, who commented on it, hears of the new comment in their first digest of the day.
    expect(mailsTo(server, facilitator.email).map((m) => m.subject)).toEqual(["Ideju laboratorijas dienas kopsavilkums: 1 jaunums"]);

    await runMailPass(nextMorning);
    const second = mailsTo(server, author.email)[1];
    expect(second.subject).toBe("Ideju laboratorijas dienas kopsavilkums: 1 jaunums");
    expect(second.text).toContain("Vienkāršāki iesniegumi");
    expect(second.text).not.toContain("Rindas bez rindām");
    expect(await prisma.outboxMessage.findMany({ where: { userId: author.id }, select: { digestDay: true }, orderBy: { id: "asc" } })).toEqual([
      { digestDay: "2026-11-30" },
      { digestDay: "2026-12-01" },
    ]);
  });

  test("nobody gets an empty digest", async () => {
    const server = await withSmtp();
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    const idea = await settledIdea("discover", author.id);
    await addComment(facilitator, { ideaId: idea.id, body: "Izlasīts lietotnē.", internal: false });
    await prisma.notification.updateMany({ where: { userId: author.id }, data: { readAt: new Date() } });
    expect((await runMailPass(morning)).digests).toBe(0);
    expect(mailsTo(server, author.email)).toEqual([]);
    expect(await prisma.outboxMessage.count({ where: { userId: author.id } })).toBe(0);
  });
});

describe("sending", () => {
  test("a refusal is kept and retried; after five refusals the message is given up", async () => {
    const server = await withSmtp();
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    const idea = await settledIdea("discover", author.id);
    await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });
    server.refuse(true);
    await runMailPass();
    const kept = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: author.id } });
    expect(kept).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(kept.error).toMatch(/Mailbox unavailable/);
    server.refuse(false);
    await runMailPass();
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "SENT", attempts: 2, error: null });
    expect(mailsTo(server, author.email)).toHaveLength(1);

    const other = await settledIdea("discover", author.id);
    await moveIdea(facilitator, { ideaId: other.id, version: other.version, stage: "define" });
    server.refuse(true);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await runMailPass();
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { userId: author.id }, orderBy: { id: "desc" } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
    });
  });

  test("an SMTP server that cannot be reached fails nothing else", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    const idea = await settledIdea("discover", author.id);
    expect((await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" })).ok).toBe(true);
    await expect(runMailPass()).resolves.toMatchObject({ instant: 1, sent: 0 });
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { userId: author.id } })).toMatchObject({ status: "PENDING", attempts: 1 });
  });
});

describe("without SMTP", () => {
  test("nothing is sent and nothing fails; the outbox shows what would have been sent, to administrators only", async () => {
    const author = await createUser();
    const facilitator = await createUser({ role: "FACILITATOR" });
    const admin = await createUser({ role: "ADMIN" });
    const idea = await settledIdea("discover", author.id, { title: "Ideja bez e-pasta" });
    await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });
    expect(await runMailPass()).toMatchObject({ instant: 1, sent: 0 });
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { userId: author.id } })).toMatchObject({ status: "NOT_SENT", attempts: 0 });

    const page = await run(outboxLoader, { request: getRequest(`/admin/outbox?to=${encodeURIComponent(author.email)}`, await sessionCookieFor(admin.id)) });
    const data = page.data as { configured: boolean; total: number; messages: { to: string; subject: string; status: string; text: string }[] };
    expect(data.configured).toBe(false);
    expect(data.total).toBe(1);
    expect(data.messages[0]).toMatchObject({ to: author.email, status: "NOT_SENT", subject: "Jūsu ideja pārvietota uz citu posmu: Ideja bez e-pasta" });

    const filtered = await run(outboxLoader, {
      request: getRequest("/admin/outbox?status=SENT&to=" + encodeURIComponent(author.email), await sessionCookieFor(admin.id)),
    });
    expect((filtered.data as { total: number }).total).toBe(0);
    const odd = await run(outboxLoader, { request: getRequest("/admin/outbox?status=LOST", await sessionCookieFor(admin.id)) });
    expect(odd.status).toBe(200);
    expect((odd.data as { invalid: string[] }).invalid).toEqual(["status"]);

    expect((await run(outboxLoader, { request: getRequest("/admin/outbox", await sessionCookieFor(facilitator.id)) })).status).toBe(403);
  });
});

describe("set-password links by e-mail", () => {
  test("with SMTP the new person gets the link in Latvian and English; the outbox keeps the message without it", async () => {
    const server = await withSmtp();
    const admin = await createUser({ role: "ADMIN" });
    const vk = (await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } })).id;
    const created = await run(usersAction, {
      request: formRequest(
        "/admin/users",
        { intent: "create", email: "zane.ozola@example.lv", name: "Zane Ozola", role: "SUBMITTER", institutionId: String(vk) },
        { cookie: await sessionCookieFor(admin.id) },
      ),
    });
    expect(created.status).toBe(200);
    const { link, mail } = (created.data as { data: { link: string; mail: { status: string; email: string } } }).data;
    expect(mail).toEqual({ status: "SENT", email: "zane.ozola@example.lv" });
    const [message] = mailsTo(server, "zane.ozola@example.lv");
    expect(message.subject).toBe("Ideju laboratorija: iestatiet savu paroli / Idea Lab: set your password");
    expect(message.text).toContain(link);
    expect(message.text).toContain("Labdien, Zane Ozola!");
    expect(message.text).toContain("Hello Zane Ozola,");
    const kept = await prisma.outboxMessage.findFirstOrThrow({ where: { to: "zane.ozola@example.lv" } });
    expect(kept).toMatchObject({ kind: "SET_PASSWORD", status: "SENT" });
    expect(kept.text).not.toContain(link.split("/set-password/")[1]);
    expect(kept.text).toContain("[saite paslēpta]");

    // The job never sends the kept copy (without its link), even if it is still waiting.
    await prisma.outboxMessage.update({ where: { id: kept.id }, data: { status: "PENDING", attempts: 0 } });
    await runMailPass();
    expect(mailsTo(server, "zane.ozola@example.lv")).toHaveLength(1);
  });

  test("without SMTP the administrator is told to pass the link on", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const vk = (await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } })).id;
    const created = await run(usersAction, {
      request: formRequest(
        "/admin/users",
        { intent: "create", email: "bez.pasta@example.lv", name: "Bez Pasta", role: "SUBMITTER", institutionId: String(vk) },
        { cookie: await sessionCookieFor(admin.id) },
      ),
    });
    expect((created.data as { data: { mail: { status: string } } }).data.mail.status).toBe("NOT_SENT");
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { to: "bez.pasta@example.lv" } })).toMatchObject({ status: "NOT_SENT", kind: "SET_PASSWORD" });
  });
});
