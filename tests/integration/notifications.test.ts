import { expect, test } from "vitest";
import { moveIdea, manageIdea } from "~/modules/board/board.server";
import { addComment } from "~/modules/idea/idea.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { createUser } from "../factories/user";
import { sessionCookieFor } from "../factories/idea";
import { ideaInStage } from "../factories/board";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";

const asUser = (u: { id: number; role: "SUBMITTER" | "FACILITATOR" | "MANAGER" | "ADMIN" }) => ({ id: u.id, email: "", name: "", role: u.role, locale: null, institutionId: 1 });
const kinds = async (userId: number) => (await prisma.notification.findMany({ where: { userId }, orderBy: { id: "asc" } })).map((n) => n.kind);

test("who hears what: the author of a moved, returned or closed idea; commenters; the assignee; never the actor", async () => {
  const author = await createUser();
  const colleague = await createUser();
  const facilitator = await createUser({ role: "FACILITATOR" });
  const other = await createUser({ role: "FACILITATOR" });
  const idea = await ideaInStage("discover", author.id);

  expect((await moveIdea(asUser(facilitator), { ideaId: idea.id, version: 1, stage: "define" })).ok).toBe(true);
  expect(await kinds(author.id)).toEqual(["idea.moved"]);
  expect(await kinds(facilitator.id)).toEqual([]);

  await addComment(asUser(colleague), idea.id, "Arī mums tas noderētu.", false);
  await addComment(asUser(facilitator), idea.id, "Iekšēja piezīme.", true);
  await addComment(asUser(author), idea.id, "Paldies!", false);
  expect(await kinds(author.id)).toEqual(["idea.moved", "comment"]);
  expect(await kinds(colleague.id)).toEqual(["comment"]);

  await manageIdea(asUser(facilitator), { intent: "assign", ideaId: idea.id, version: 2, assigneeId: other.id });
  expect(await kinds(other.id)).toEqual(["assigned"]);
  await manageIdea(asUser(other), { intent: "assign", ideaId: idea.id, version: 3, assigneeId: other.id });
  expect(await kinds(other.id)).toEqual(["assigned"]);

  const intake = await ideaInStage("submitted", author.id);
  await manageIdea(asUser(facilitator), { intent: "return", ideaId: intake.id, version: 1, question: "Cik?" });
  const closing = await ideaInStage("develop", author.id);
  await moveIdea(asUser(facilitator), { ideaId: closing.id, version: 1, stage: "stopped", closingNote: "Apturēts." });
  expect(await kinds(author.id)).toEqual(["idea.moved", "comment", "idea.returned", "idea.closed"]);
});

test("the list shows the unread ones, and marking them read clears the count", async () => {
  const author = await createUser();
  const facilitator = await createUser({ role: "FACILITATOR" });
  const idea = await ideaInStage("discover", author.id, { title: "Paziņojumu ideja" });
  await moveIdea(asUser(facilitator), { ideaId: idea.id, version: 1, stage: "define" });
  const cookie = await sessionCookieFor(author.id);
  const list = (await run(notificationsLoader, { request: getRequest("/notifications", cookie) })).data as { notifications: { read: boolean; idea: { title: string } }[] };
  expect(list.notifications).toMatchObject([{ read: false, idea: { title: "Paziņojumu ideja" } }]);
  expect((await run(notificationsAction, { request: formRequest("/notifications", {}, { cookie }) })).status).toBe(302);
  expect(await prisma.notification.count({ where: { userId: author.id, readAt: null } })).toBe(0);
});
