import { expect, test } from "vitest";
import { assignIdea, moveIdea, returnIdea } from "~/modules/board/board.server";
import { addComment } from "~/modules/idea/idea.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, sessionCookieFor } from "../factories/user";

/** The kinds a person was notified of since `after` (a notification id), in order. */
const kinds = async (userId: number, after = 0) =>
  (await prisma.notification.findMany({ where: { userId, id: { gt: after } }, orderBy: { id: "asc" } })).map((n) => n.kind);
const lastNotification = async () => (await prisma.notification.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

test("who hears what: the author of a moved, returned or closed idea; commenters; the assignee; never the actor", async () => {
  const author = await createUser();
  const colleague = await createUser();
  const facilitator = await createUser({ role: "FACILITATOR" });
  const other = await createUser({ role: "FACILITATOR" });
  const idea = await ideaInStage("discover", author.id);
  // Taking the idea in was news for its author too.
  expect(await kinds(author.id)).toEqual(["MOVED"]);
  const start = await lastNotification();

  expect((await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" })).ok).toBe(true);
  expect(await kinds(author.id, start)).toEqual(["MOVED"]);
  expect(await kinds(facilitator.id)).toEqual([]);

  await addComment(colleague, { ideaId: idea.id, body: "Arī mums tas noderētu.", internal: false });
  await addComment(facilitator, { ideaId: idea.id, body: "Iekšēja piezīme.", internal: true });
  await addComment(author, { ideaId: idea.id, body: "Paldies!", internal: false });
  expect(await kinds(author.id, start)).toEqual(["MOVED", "COMMENT"]);
  expect(await kinds(colleague.id)).toEqual(["COMMENT"]);

  await assignIdea(facilitator, { ideaId: idea.id, version: idea.version + 1, assigneeId: other.id });
  expect(await kinds(other.id)).toEqual(["ASSIGNED"]);
  await assignIdea(other, { ideaId: idea.id, version: idea.version + 2, assigneeId: other.id });
  expect(await kinds(other.id)).toEqual(["ASSIGNED"]);

  const intake = await ideaInStage("submitted", author.id);
  const closing = await ideaInStage("develop", author.id);
  const before = await lastNotification();
  await returnIdea(facilitator, { ideaId: intake.id, version: intake.version, text: "Cik?" });
  await moveIdea(facilitator, { ideaId: closing.id, version: closing.version, stage: "stopped", closingNote: "Apturēts." });
  expect(await kinds(author.id, before)).toEqual(["RETURNED", "CLOSED"]);
});

test("the list shows the unread ones, and marking them read clears the count", async () => {
  const author = await createUser();
  const facilitator = await createUser({ role: "FACILITATOR" });
  const idea = await ideaInStage("discover", author.id, { title: "Paziņojumu ideja" });
  await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" });
  const cookie = await sessionCookieFor(author.id);
  const list = (await run(notificationsLoader, { request: getRequest("/notifications", cookie) })).data as {
    notifications: { kind: string; read: boolean; idea: { title: string } }[];
  };
  // Newest first: the move to define, then the idea's taking in.
  expect(list.notifications).toMatchObject([
    { kind: "MOVED", read: false, idea: { title: "Paziņojumu ideja" } },
    { kind: "MOVED", read: false, idea: { title: "Paziņojumu ideja" } },
  ]);
  expect((await run(notificationsAction, { request: formRequest("/notifications", { formId: "read-all", intent: "read-all" }, { cookie }) })).status).toBe(302);
  expect(await prisma.notification.count({ where: { userId: author.id, readAt: null } })).toBe(0);
});
