// Triage beside the brief (#16): declining asks first and can be taken back from the history until
// the idea moves on; the closing note is asked only for a closed stage; a question names the step of
// the brief it is about; the manage page speaks of itself when someone else was first.
import { beforeAll, describe, expect, test } from "vitest";
import { action as manageAction, loader as manageLoader } from "~/routes/ideas.$id_.manage";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { prisma } from "~/utils/db.server";
import { signedIn, type SignedIn } from "../factories/user";
import { ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";

let author: SignedIn;
let lab: SignedIn;
let submitter: SignedIn;
let manager: SignedIn;

beforeAll(async () => {
  author = await signedIn("SUBMITTER");
  submitter = await signedIn("SUBMITTER");
  manager = await signedIn("MANAGER");
  lab = await signedIn("FACILITATOR");
});

const ideaOf = (id: number) => prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true } });
const versionOf = async (id: number) => String((await ideaOf(id)).version);
const manage = async (ideaId: number, fields: Record<string, string>, who: SignedIn = lab) =>
  run(manageAction, {
    request: formRequest(`/ideas/${ideaId}/manage`, { ideaId: String(ideaId), version: await versionOf(ideaId), ...fields }, { cookie: who.cookie }),
    params: { id: String(ideaId) },
  });
const undo = (ideaId: number, eventId: number, who: SignedIn = lab) =>
  run(ideaAction, {
    request: formRequest(`/ideas/${ideaId}`, { formId: "undo-decline-form", intent: "undo-decline", eventId: String(eventId) }, { cookie: who.cookie }),
    params: { id: String(ideaId) },
  });
type PageEvent = { id: number; type: string; undoable: boolean };
const history = async (ideaId: number, who: SignedIn) =>
  ((await run(ideaLoader, { request: getRequest(`/ideas/${ideaId}`, who.cookie), params: { id: String(ideaId) } })).data as { idea: { events: PageEvent[] } })
    .idea.events;
const declined = async () => {
  const idea = await ideaInStage("submitted", author.id);
  expect((await manage(idea.id, { intent: "decline", reason: "Jau risina cita iestāde.", confirmed: "yes" })).status).toBe(302);
  const event = await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id, type: "DECLINED" } });
  return { id: idea.id, eventId: event.id };
};

describe("declining asks first", () => {
  test("the reason alone changes nothing and answers with the confirmation; 'Yes, decline' declines", async () => {
    const idea = await ideaInStage("submitted", author.id);
    const events = await prisma.event.count({ where: { ideaId: idea.id } });
    const asked = await manage(idea.id, { formId: "decline-form", intent: "decline", reason: "Ārpus laboratorijas darba jomas." });
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({ formId: "decline-form", data: { confirmDecline: { reason: "Ārpus laboratorijas darba jomas." } } });
    expect((await ideaOf(idea.id)).status).toBe("ACTIVE");
    expect(await prisma.event.count({ where: { ideaId: idea.id } })).toBe(events);
    // The reason is still required at the first step, and only facilitators may ask.
    expect(reply(await manage(idea.id, { intent: "decline", reason: "" })).error.reason).toEqual(["required"]);
    expect((await manage(idea.id, { intent: "decline", reason: "Nē." }, submitter)).status).toBe(403);
    const confirmed = await manage(idea.id, { intent: "decline", reason: "Ārpus laboratorijas darba jomas.", confirmed: "yes" });
    expect(confirmed.status).toBe(302);
    expect(await ideaOf(idea.id)).toMatchObject({ status: "DECLINED", stageId: null, declineReason: "Ārpus laboratorijas darba jomas." });
  });
});

describe("undoing a decline", () => {
  test("the history offers it to facilitators only, on the decline, and it puts the idea back in intake with its own event", async () => {
    const { id, eventId } = await declined();
    expect((await history(id, lab)).find((e) => e.id === eventId)?.undoable).toBe(true);
    expect((await history(id, author)).some((e) => e.undoable)).toBe(false);
    const undone = await undo(id, eventId);
    expect(undone.status).toBe(302);
    expect(undone.location).toBe(`/ideas/${id}`);
    const idea = await ideaOf(id);
    expect(idea).toMatchObject({ status: "ACTIVE", declineReason: null });
    expect(idea.stage?.key).toBe("submitted");
    const last = await prisma.event.findFirstOrThrow({ where: { ideaId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ type: "DECLINE_UNDONE", actorId: lab.id, fromStatus: "DECLINED", toStatus: "ACTIVE", toStageId: idea.stageId });
    // The dashboard's figures follow: the idea has an open stay in intake again.
    expect(await prisma.stay.count({ where: { ideaId: id, stageId: idea.stageId!, leftAt: null } })).toBe(1);
    // Nothing left to undo, and the manage page triages it again.
    expect((await history(id, lab)).some((e) => e.undoable)).toBe(false);
    expect((await run(manageLoader, { request: getRequest(`/ideas/${id}/manage`, lab.cookie), params: { id: String(id) } })).status).toBe(200);
  });

  test("submitters and managers get 403 and the idea stays declined", async () => {
    const { id, eventId } = await declined();
    for (const who of [author, submitter, manager]) expect((await undo(id, eventId, who)).status, who.role).toBe(403);
    expect((await ideaOf(id)).status).toBe("DECLINED");
  });

  test("refused with a 409 once the idea has moved since; an unknown decline is a 404", async () => {
    const { id, eventId } = await declined();
    expect((await undo(id, eventId)).status).toBe(302);
    // Accepted into a work stage afterwards: the old decline cannot be taken back.
    expect((await manage(id, { intent: "accept", stage: "discover" })).status).toBe(302);
    const late = await undo(id, eventId);
    expect(late.status).toBe(409);
    expect(reply(late).error[""]).toEqual(["board:manageErrors.undoLate"]);
    expect((await ideaOf(id)).stage?.key).toBe("discover");
    expect(await prisma.event.count({ where: { ideaId: id, type: "DECLINE_UNDONE" } })).toBe(1);
    const other = await ideaInStage("submitted", author.id);
    expect((await undo(other.id, eventId)).status).toBe(404);
  });

  test("undoing twice is refused the second time (someone else was first)", async () => {
    const { id, eventId } = await declined();
    expect((await undo(id, eventId)).status).toBe(302);
    expect((await undo(id, eventId)).status).toBe(409);
  });
});

describe("the manage page", () => {
  test("loads the whole brief beside the decision", async () => {
    const idea = await ideaInStage("submitted", author.id);
    const page = (await run(manageLoader, { request: getRequest(`/ideas/${idea.id}/manage`, lab.cookie), params: { id: String(idea.id) } })).data as {
      idea: { brief: Record<string, unknown> };
    };
    expect(page.idea.brief).toMatchObject({ problem: expect.stringContaining("reģistratūru"), usersTalkedTo: 12 });
  });

  test("the closing note is required only for a move into a closed stage, and ignored for others", async () => {
    const idea = await ideaInStage("scale", author.id);
    expect((await manage(idea.id, { intent: "move", stage: "develop", closingNote: "" })).status).toBe(302);
    expect((await manage(idea.id, { intent: "move", stage: "scale", closingNote: "Nav vajadzīga." })).status).toBe(302);
    expect(await ideaOf(idea.id)).toMatchObject({ closingNote: null, closedAt: null });
    const missing = await manage(idea.id, { intent: "move", stage: "stopped" });
    expect(missing.status).toBe(400);
    expect(reply(missing).error.closingNote).toEqual(["board:errors.closingNoteRequired"]);
  });

  test("a move someone else made first is a 409 that speaks of this page, not the board", async () => {
    const idea = await ideaInStage("discover", author.id);
    const stale = await versionOf(idea.id);
    expect((await manage(idea.id, { intent: "move", stage: "define" })).status).toBe(302);
    const late = await manage(idea.id, { formId: "move-form", intent: "move", stage: "develop", version: stale });
    expect(late.status).toBe(409);
    expect(reply(late).error[""]).toEqual(["board:manageErrors.conflict"]);
    expect(reply(late).initialValue).toMatchObject({ stage: "develop" });
  });

  test("a question names the step of the brief it is about, kept in the event for the edit form", async () => {
    const idea = await ideaInStage("submitted", author.id);
    const wrong = await manage(idea.id, { intent: "return", question: "Kuri dati?", step: "budget" });
    expect(wrong.status).toBe(400);
    expect(reply(wrong).error.step).toEqual(["invalidChoice"]);
    expect((await manage(idea.id, { intent: "return", question: "Kuri dati to rāda?", step: "evidence" })).status).toBe(302);
    const event = await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id, type: "RETURNED" } });
    expect(JSON.parse(event.data!)).toEqual({ question: "Kuri dati to rāda?", step: "evidence" });
    // Without a step the event says none.
    const other = await ideaInStage("submitted", author.id);
    expect((await manage(other.id, { intent: "return", question: "Kas vēl?", step: "" })).status).toBe(302);
    expect(JSON.parse((await prisma.event.findFirstOrThrow({ where: { ideaId: other.id, type: "RETURNED" } })).data!)).toEqual({ question: "Kas vēl?" });
  });
});
