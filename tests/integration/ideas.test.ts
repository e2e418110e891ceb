import { beforeAll, describe, expect, test } from "vitest";
import { loader as newIdeaLoader } from "~/routes/ideas.new";
import { loader as editLoader } from "~/routes/ideas.$id_.edit";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as listLoader } from "~/routes/ideas._index";
import { loader as mineLoader } from "~/routes/ideas.mine";
import { returnIdea } from "~/modules/board/board.server";
import { prisma } from "~/utils/db.server";
import { completeBrief, currentVersion, ideaIdIn, postCheck, postNew, postStep, stepPart, walkBrief } from "../factories/brief";
import { facilitator as labFacilitator, fullBrief } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, sessionCookieFor, signedIn, type SignedIn } from "../factories/user";

let institutionId: number;
let author: SignedIn;
let colleague: SignedIn;
let facilitator: SignedIn;
let manager: SignedIn;

const person = (role: "SUBMITTER" | "FACILITATOR" | "MANAGER" | "ADMIN") => signedIn({ role, institutionCode: "UR" });

beforeAll(async () => {
  institutionId = (await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
  author = await person("SUBMITTER");
  colleague = await person("SUBMITTER");
  facilitator = await person("FACILITATOR");
  manager = await person("MANAGER");
});

async function post(fields: Record<string, string | string[]>, who = author) {
  return postNew({ institutionId: String(institutionId), ...fields }, who);
}

const idFrom = ideaIdIn;

/** A whole brief, step by step, submitted from check-your-answers. */
async function submitIdea(overrides: Record<string, string | string[]> = {}, who = author) {
  return walkBrief({ ...fullBrief(), institutionId: String(institutionId), ...overrides }, who);
}

/** The first step only: a draft. */
async function saveDraft(fields: Record<string, string> = { title: "Melnraksts par rindām" }, who = author) {
  const result = await post({ ...stepPart("need", fullBrief()), ...fields }, who);
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return idFrom(result.location);
}

function page(id: number, who: { cookie: string }) {
  return run(ideaLoader, { request: getRequest(`/ideas/${id}`, who.cookie), params: { id: String(id) } });
}

function act(id: number, fields: Record<string, string>, who: { cookie: string }) {
  return run(ideaAction, { request: formRequest(`/ideas/${id}`, fields, { cookie: who.cookie }), params: { id: String(id) } });
}

describe("the brief, step by step: drafts and submission", () => {
  test("the first step makes a draft that stays off the board, writes a CREATED event and leads to the second step", async () => {
    const result = await post({ ...stepPart("need", fullBrief()), title: "Tikai pirmais solis" });
    expect(result.status).toBe(302);
    const id = idFrom(result.location);
    expect(result.location).toBe(`/ideas/${id}/edit/evidence`);
    const idea = await prisma.idea.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(idea).toMatchObject({ status: "DRAFT", stageId: null, evidence: "", language: "lv", authorId: author.id, institutionId });
    expect(idea.events.map((e) => e.type)).toEqual(["CREATED"]);
  });

  test("the first step needs a title of 5–120 characters", async () => {
    const short = await post({ ...stepPart("need", fullBrief()), title: "Abc" });
    expect(short.status).toBe(400);
    expect(reply(short).error!.title).toEqual(['tooShort|{"min":5}']);
  });

  test("each step asks its own questions as a submission would, naming each one left empty and keeping what was typed", async () => {
    const first = await post({ title: "Nepabeigta ideja", summary: "Tikai īsumā." });
    expect(first.status).toBe(400);
    const errors = reply(first).error!;
    for (const field of ["usersAffected", "problem"]) expect(errors[field], field).toEqual(["requiredToSubmit"]);
    expect(errors.summary).toBeUndefined();
    expect(reply(first).initialValue).toMatchObject({ title: "Nepabeigta ideja", summary: "Tikai īsumā." });

    const id = await saveDraft();
    const partners = await postStep(id, "partners", { partners: "Pašvaldība" }, author);
    expect(partners.status).toBe(400);
    expect(reply(partners).error!.principles).toEqual(["principleRequired"]);
    expect(reply(partners).initialValue).toMatchObject({ partners: "Pašvaldība" });
  });

  test("submitting from check-your-answers checks the whole brief and names what is missing", async () => {
    const id = await saveDraft({ title: "Tikai pirmais solis" });
    const result = await postCheck(id, author);
    expect(result.status).toBe(400);
    const errors = reply(result).error!;
    for (const field of ["evidence", "solution"]) expect(errors[field], field).toEqual(["requiredToSubmit"]);
    expect(errors.principles).toEqual(["principleRequired"]);
    expect(errors.summary).toBeUndefined();
    expect(await prisma.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      title: "Tikai pirmais solis",
      summary: fullBrief().summary,
    });
  });

  test("a complete brief enters the submitted stage with SUBMITTED after CREATED, Latvian letters intact", async () => {
    const id = await submitIdea({ title: "Ā č ē ģ ī ķ ļ ņ š ū ž: ceļš uz nodokļu skaidrību" });
    const idea = await prisma.idea.findUniqueOrThrow({
      where: { id },
      include: { stage: true, events: { orderBy: { id: "asc" } }, principles: { include: { principle: true } } },
    });
    expect(idea.title).toBe("Ā č ē ģ ī ķ ļ ņ š ū ž: ceļš uz nodokļu skaidrību");
    expect(idea.status).toBe("ACTIVE");
    expect(idea.stage?.key).toBe("submitted");
    expect(idea.submittedAt).not.toBeNull();
    expect(idea.usersTalkedTo).toBe(12);
    expect(idea.principles.map((p) => p.principle.key)).toEqual(["partner"]);
    expect(idea.events.map((e) => [e.type, e.actorId])).toEqual([
      ["CREATED", author.id],
      ["SUBMITTED", author.id],
    ]);
    expect(idea.events[1].toStageId).toBe(idea.stageId);
    expect(idea.searchText).toContain("atzvanisanas"); // the solution, saved on its own step, is searched
  });

  test.each([
    ["a too-long title", "need", { title: "x".repeat(121) }, "title", 'tooLong|{"max":120}'],
    ["a too-long summary", "need", { summary: "ā".repeat(281) }, "summary", 'tooLong|{"max":280}'],
    ["a language that is neither", "need", { language: "de" }, "language", "invalid"],
    ["a negative usersTalkedTo", "evidence", { usersTalkedTo: "-3" }, "usersTalkedTo", "notNegative"],
    ["a fractional usersTalkedTo", "evidence", { usersTalkedTo: "2.5" }, "usersTalkedTo", "wholeNumber"],
    ["a non-numeric usersTalkedTo", "evidence", { usersTalkedTo: "daudz" }, "usersTalkedTo", "wholeNumber"],
    ["an unknown principle", "partners", { principles: "innovate-harder" }, "principles", "unknownPrinciple"],
  ] as const)("%s answers 400 beside the field, keeps what was typed and saves nothing", async (_name, step, overrides, field, message) => {
    const id = await saveDraft();
    const before = await prisma.idea.findUniqueOrThrow({ where: { id } });
    const typed = { ...stepPart(step, { ...fullBrief(), institutionId: String(institutionId) }), ...overrides };
    const result = await postStep(id, step, typed, author);
    expect(result.status).toBe(400);
    expect(reply(result).error![field]).toEqual([message]);
    const other = Object.keys(typed).find((name) => name !== field && name !== "institutionId" && name !== "principles");
    if (other) expect(reply(result).initialValue![other]).toBe(typed[other as keyof typeof typed]);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  test("an unknown or deactivated institution answers 400 beside the field", async () => {
    const unknown = await post({ ...stepPart("need", fullBrief()), institutionId: "999999" });
    expect(unknown.status).toBe(400);
    expect(reply(unknown).error!.institutionId).toEqual(["unknownInstitution"]);
    const inactive = await prisma.institution.create({ data: { code: "OLD", nameLv: "Likvidēta iestāde", nameEn: "Closed body", active: false } });
    const closed = await post({ ...stepPart("need", fullBrief()), institutionId: String(inactive.id) });
    expect(closed.status).toBe(400);
  });

  test("HTML typed into a field is stored as the literal text", async () => {
    const id = await submitIdea({ summary: `<script>alert("x")</script> & <b>treknraksts</b>` });
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).summary).toBe(`<script>alert("x")</script> & <b>treknraksts</b>`);
  });

  test("the same first step sent twice (a double click) creates one idea", async () => {
    const token = "c1d2e3f4-0000-4000-8000-000000000001";
    const before = await prisma.idea.count();
    const need = stepPart("need", fullBrief());
    const [first, second] = await Promise.all([post({ ...need, createToken: token }), post({ ...need, createToken: token })]);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(first.location).toBe(second.location);
    const third = await post({ ...need, createToken: token });
    expect(third.location).toBe(first.location);
    expect(await prisma.idea.count()).toBe(before + 1);
  });

  test("a form carrying another person's token is refused with 400 and their idea stays theirs", async () => {
    const token = "c1d2e3f4-0000-4000-8000-000000000002";
    const need = stepPart("need", fullBrief());
    const mine = await post({ ...need, createToken: token });
    expect(mine.status).toBe(302);
    const before = await prisma.idea.count();
    const theirs = await post({ ...need, title: "Svešs mēģinājums", createToken: token }, colleague);
    expect(theirs.status).toBe(400);
    expect(reply(theirs).error![""]).toEqual(["common:errors.tampered"]);
    expect(await prisma.idea.count()).toBe(before);
  });

  test("the new-idea form preselects the author's institution and carries a fresh token", async () => {
    const a = await run(newIdeaLoader, { request: getRequest("/ideas/new", author.cookie) });
    const b = await run(newIdeaLoader, { request: getRequest("/ideas/new", author.cookie) });
    const da = a.data as { defaults: { institutionId: number; createToken: string } };
    expect(da.defaults.institutionId).toBe(institutionId);
    expect(da.defaults.createToken).not.toBe((b.data as typeof da).defaults.createToken);
  });

  test("a person whose institution no longer takes ideas is not preselected into a refusal: they choose", async () => {
    await prisma.institution.create({ data: { code: "SLEGTA", nameLv: "Slēgtā iestāde", nameEn: "Closed body", active: false } });
    const person = await createUser({ institutionCode: "SLEGTA" });
    const page = await run(newIdeaLoader, { request: getRequest("/ideas/new", await sessionCookieFor(person.id)) });
    expect((page.data as { defaults: { institutionId?: number } }).defaults.institutionId).toBeUndefined();
  });

  test("managers may not submit ideas", async () => {
    const result = await post(stepPart("need", fullBrief()), manager);
    expect(result.status).toBe(403);
  });
});

describe("the steps save the draft", () => {
  test("each step saves only its own fields, whatever else the form carries", async () => {
    const id = await saveDraft({ title: "Solis pa solim" });
    const result = await postStep(
      id,
      "evidence",
      { evidence: "Sarunas ar 5 pacientiem.", usersTalkedTo: "5", title: "Pārrakstīts", solution: "Slepus" },
      author,
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/ideas/${id}/edit/proposal`);
    const idea = await prisma.idea.findUniqueOrThrow({ where: { id } });
    expect(idea).toMatchObject({ title: "Solis pa solim", evidence: "Sarunas ar 5 pacientiem.", usersTalkedTo: 5, solution: "", summary: fullBrief().summary });
  });

  test("the language chosen on the first step is stored, Latvian when none is chosen", async () => {
    const english = await post({ ...stepPart("need", fullBrief()), title: "Shorter queues at the clinic", language: "en" });
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idFrom(english.location) } })).language).toBe("en");
    const id = await saveDraft();
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).language).toBe("lv");
    expect((await postStep(id, "need", { ...stepPart("need", fullBrief()), institutionId: String(institutionId), language: "en" }, author)).status).toBe(302);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).language).toBe("en");
  });

  test("Back saves what was typed without asking for the rest, and opens the previous step", async () => {
    const id = await saveDraft();
    const back = await postStep(id, "proposal", { intent: "back", expectedValue: "Īsākas rindas." }, author);
    expect(back.status).toBe(302);
    expect(back.location).toBe(`/ideas/${id}/edit/evidence`);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ expectedValue: "Īsākas rindas.", solution: "" });
    const tooLong = await postStep(id, "proposal", { intent: "back", expectedValue: "x".repeat(2001) }, author);
    expect(tooLong.status).toBe(400);
    expect(reply(tooLong).error!.expectedValue).toEqual(['tooLong|{"max":2000}']);
  });

  test("the last step leads to check-your-answers, and so does a step opened from it to change an answer", async () => {
    const id = await saveDraft();
    const last = await postStep(id, "partners", { principles: ["partner", "test"] }, author);
    expect(last.location).toBe(`/ideas/${id}/edit/check`);
    const changed = await postStep(id, "need", { ...stepPart("need", fullBrief()), institutionId: String(institutionId), then: "check" }, author);
    expect(changed.location).toBe(`/ideas/${id}/edit/check`);
    const principles = await prisma.ideaPrinciple.findMany({ where: { ideaId: id }, include: { principle: true } });
    expect(principles.map((p) => p.principle.key).sort()).toEqual(["partner", "test"]);
  });

  test("an unknown step is a 404", async () => {
    const id = await saveDraft();
    const form = { id: String(id), version: await currentVersion(id), title: "Kaut kas" };
    const { action } = await import("~/routes/ideas.$id_.edit_.$step");
    const result = await run(action, {
      request: formRequest(`/ideas/${id}/edit/extra`, form, { cookie: author.cookie }),
      params: { id: String(id), step: "extra" },
    });
    expect(result.status).toBe(404);
  });
});

describe("editing", () => {
  const version = currentVersion;

  test("the author completes a draft and submits it", async () => {
    const id = await saveDraft();
    await completeBrief(id, fullBrief(), author);
    const idea = await prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true } });
    expect(idea.status).toBe("ACTIVE");
    expect(idea.stage?.key).toBe("submitted");
  });

  test("editing a draft opens the first step", async () => {
    const id = await saveDraft();
    const opened = await run(editLoader, { request: getRequest(`/ideas/${id}/edit`, author.cookie), params: { id: String(id) } });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/ideas/${id}/edit/need`);
  });

  test("another user gets 404 for someone's draft, in the editor and on the idea page", async () => {
    const id = await saveDraft();
    for (const who of [colleague, facilitator, manager]) {
      expect((await run(editLoader, { request: getRequest(`/ideas/${id}/edit`, who.cookie), params: { id: String(id) } })).status).toBe(404);
      expect((await page(id, who)).status).toBe(404);
    }
    expect((await postStep(id, "need", { ...stepPart("need", fullBrief()), title: "Pārņemts" }, colleague)).status).toBe(404);
    expect((await postCheck(id, colleague)).status).toBe(404);
    expect((await page(id, author)).status).toBe(200);
  });

  test("nobody edits an idea on the board; others may not edit the author's idea", async () => {
    const id = await submitIdea();
    expect((await run(editLoader, { request: getRequest(`/ideas/${id}/edit`, author.cookie), params: { id: String(id) } })).status).toBe(403);
    expect((await run(editLoader, { request: getRequest(`/ideas/${id}/edit`, colleague.cookie), params: { id: String(id) } })).status).toBe(403);
    expect((await postStep(id, "evidence", { evidence: "Jauns" }, author)).status).toBe(403);
    expect((await postCheck(id, author)).status).toBe(403);
  });

  test("a returned idea opens at the step its question is about, shows the question, and resubmitting puts it back with an event", async () => {
    const id = await submitIdea();
    // The lab sends it back with a question.
    expect((await returnIdea(await labFacilitator(), { ideaId: id, version: Number(await version(id)), text: "Cik pacientu to skar?" })).ok).toBe(true);
    const open = () => run(editLoader, { request: getRequest(`/ideas/${id}/edit`, author.cookie), params: { id: String(id) } });
    // Without a step chosen, the first step.
    expect((await open()).location).toBe(`/ideas/${id}/edit/need`);
    // With one (the facilitator chose the evidence), that step.
    const returned = await prisma.event.findFirstOrThrow({ where: { ideaId: id, type: "RETURNED" }, orderBy: { id: "desc" } });
    await prisma.event.update({ where: { id: returned.id }, data: { data: JSON.stringify({ ...JSON.parse(returned.data ?? "{}"), step: "evidence" }) } });
    expect((await open()).location).toBe(`/ideas/${id}/edit/evidence`);

    const { loader: stepLoader } = await import("~/routes/ideas.$id_.edit_.$step");
    const form = await run(stepLoader, { request: getRequest(`/ideas/${id}/edit/evidence`, author.cookie), params: { id: String(id), step: "evidence" } });
    expect((form.data as { returnQuestion: string }).returnQuestion).toBe("Cik pacientu to skar?");
    const mine = await run(mineLoader, { request: getRequest("/ideas/mine", author.cookie) });
    const item = (mine.data as { items: { id: number; waitingOnAuthor: string | null }[] }).items.find((i) => i.id === id);
    expect(item?.waitingOnAuthor).toBe("Cik pacientu to skar?");

    expect((await postStep(id, "evidence", { evidence: "Reģistrā ir 3 400 pacientu.", usersTalkedTo: "12", then: "check" }, author)).location).toBe(
      `/ideas/${id}/edit/check`,
    );
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).status).toBe("NEEDS_INFO");
    const result = await postCheck(id, author);
    expect(result.status).toBe(302);
    const idea = await prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true, events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(idea).toMatchObject({ status: "ACTIVE", returnQuestion: null, evidence: "Reģistrā ir 3 400 pacientu." });
    expect(idea.stage?.key).toBe("submitted");
    expect(idea.events[0]).toMatchObject({ type: "RESUBMITTED", fromStatus: "NEEDS_INFO", toStatus: "ACTIVE" });
  });

  test("a stale version is refused with 409 and nothing is overwritten", async () => {
    const id = await saveDraft({ title: "Pirmā versija" });
    const need = { ...stepPart("need", fullBrief()), institutionId: String(institutionId) };
    expect((await postStep(id, "need", { ...need, title: "Otrā versija", version: "1" }, author)).status).toBe(302);
    const stale = await postStep(id, "need", { ...need, title: "Novecojusi versija", version: "1" }, author);
    expect(stale.status).toBe(409);
    expect(reply(stale).error![""]).toEqual(["ideas:form.conflict"]);
    expect(reply(stale).initialValue!.title).toBe("Novecojusi versija");
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).title).toBe("Otrā versija");
  });

  test("a tampered id in the form answers 400", async () => {
    const id = await saveDraft();
    const other = await saveDraft();
    const result = await postStep(
      id,
      "need",
      { ...stepPart("need", fullBrief()), institutionId: String(institutionId), title: "Sajaukts", id: String(other) },
      author,
    );
    expect(result.status).toBe(400);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).title).toBe("Melnraksts par rindām");
  });

  test("unknown and malformed ids answer 404", async () => {
    for (const id of ["999999", "abc", "-1", "1e3"]) {
      expect((await run(ideaLoader, { request: getRequest(`/ideas/${id}`, author.cookie), params: { id } })).status).toBe(404);
    }
  });
});

describe("withdrawing", () => {
  test("a draft is deleted; a submitted idea is kept as WITHDRAWN, off the board, with an event", async () => {
    const draft = await saveDraft();
    expect((await act(draft, { intent: "withdraw" }, author)).location).toBe("/ideas/mine");
    expect(await prisma.idea.findUnique({ where: { id: draft } })).toBeNull();

    const id = await submitIdea();
    expect((await act(id, { intent: "withdraw" }, colleague)).status).toBe(403);
    expect((await act(id, { intent: "withdraw" }, author)).status).toBe(302);
    const idea = await prisma.idea.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(idea).toMatchObject({ status: "WITHDRAWN", stageId: null });
    expect(idea.events[0]).toMatchObject({ type: "WITHDRAWN", toStatus: "WITHDRAWN" });
    expect((await act(id, { intent: "withdraw" }, author)).status).toBe(409);
  });
});

describe("support", () => {
  test("one per person, toggled, counted on the idea and in the list", async () => {
    const id = await submitIdea();
    expect((await act(id, { intent: "support" }, colleague)).status).toBe(302);
    expect((await act(id, { intent: "support" }, facilitator)).status).toBe(302);
    let view = (await page(id, colleague)).data as { idea: { supports: number; supportedByMe: boolean } };
    expect(view.idea).toMatchObject({ supports: 2, supportedByMe: true });
    await act(id, { intent: "support" }, colleague);
    view = (await page(id, colleague)).data as typeof view;
    expect(view.idea).toMatchObject({ supports: 1, supportedByMe: false });
    const list = (await run(listLoader, { request: getRequest("/ideas?q=atzvanīšanas", colleague.cookie) })).data as {
      items: { id: number; supports: number }[];
    };
    expect(list.items.find((i) => i.id === id)?.supports).toBe(1);
    await expect(prisma.support.create({ data: { ideaId: id, userId: facilitator.id } })).rejects.toThrow();
  });

  test("the author cannot support their own idea, managers cannot support, drafts cannot be supported", async () => {
    const id = await submitIdea();
    expect((await act(id, { intent: "support" }, author)).status).toBe(403);
    expect((await act(id, { intent: "support" }, manager)).status).toBe(403);
    const draft = await saveDraft();
    expect((await act(draft, { intent: "support" }, colleague)).status).toBe(404);
    expect(await prisma.support.count({ where: { ideaId: id } })).toBe(0);
  });
});

describe("comments", () => {
  test("anyone signed in comments; internal notes are hidden from submitters, timeline included", async () => {
    const id = await submitIdea();
    expect((await act(id, { intent: "comment", body: "Arī mūsu iestādē tā ir!" }, colleague)).status).toBe(302);
    expect((await act(id, { intent: "comment", body: "Pārbaudīt ar VK juristiem.", internal: "on" }, facilitator)).status).toBe(302);
    expect((await act(id, { intent: "comment", body: "Man kā vadītājam tas patīk." }, manager)).status).toBe(302);

    type View = { idea: { comments: { body: string; internal: boolean }[]; events: { type: string }[] } };
    const asSubmitter = ((await page(id, colleague)).data as View).idea;
    expect(asSubmitter.comments.map((c) => c.body)).toEqual(["Arī mūsu iestādē tā ir!", "Man kā vadītājam tas patīk."]);
    expect(asSubmitter.events.filter((e) => e.type === "COMMENTED")).toHaveLength(2);
    for (const who of [facilitator, manager]) {
      const view = ((await page(id, who)).data as View).idea;
      expect(view.comments.map((c) => c.internal)).toEqual([false, true, false]);
      expect(view.events.filter((e) => e.type === "COMMENTED")).toHaveLength(3);
    }
  });

  test("a submitter cannot post an internal note; an empty or too-long comment answers 400 and keeps the text", async () => {
    const id = await submitIdea();
    expect((await act(id, { intent: "comment", body: "Slepeni", internal: "on" }, colleague)).status).toBe(403);
    const empty = await act(id, { intent: "comment", body: "   " }, colleague);
    expect(empty.status).toBe(400);
    expect(reply(empty).error!.body).toEqual(["required"]);
    const long = await act(id, { intent: "comment", body: "ž".repeat(2001) }, colleague);
    expect(long.status).toBe(400);
    expect(reply(long).initialValue!.body).toBe("ž".repeat(2001));
    expect(await prisma.comment.count({ where: { ideaId: id } })).toBe(0);
  });

  test("authors delete their own comments only", async () => {
    const id = await submitIdea();
    await act(id, { intent: "comment", body: "Izdzēšu vēlāk" }, colleague);
    const comment = await prisma.comment.findFirstOrThrow({ where: { ideaId: id } });
    expect((await act(id, { intent: "delete-comment", commentId: String(comment.id) }, author)).status).toBe(403);
    expect((await act(id, { intent: "delete-comment", commentId: String(comment.id) }, colleague)).status).toBe(302);
    const view = (await page(id, author)).data as { idea: { comments: unknown[] } };
    expect(view.idea.comments).toEqual([]);
  });

  test("comments on a draft are refused; an unknown intent is a 400", async () => {
    const draft = await saveDraft();
    expect((await act(draft, { intent: "comment", body: "Sveiki" }, author)).status).toBe(404);
    expect((await act(draft, { intent: "explode" }, author)).status).toBe(400);
  });
});

describe("browse and search", () => {
  type List = { items: { id: number; title: string; status: string }[]; total: number; pages: number; invalid: string[] };
  const list = async (query: string, who = colleague) => (await run(listLoader, { request: getRequest(`/ideas${query}`, who.cookie) })).data as List;

  test("search ignores case and Latvian diacritics, over title, summary, problem and solution", async () => {
    const a = await submitIdea({ title: "Skaidrāka nodokļu deklarēšana zemniekiem" });
    const b = await submitIdea({ title: "Drošs CEĻŠ uz skolu", summary: "Bērniem." });
    const c = await submitIdea({ title: "Cita ideja par rindām", solution: "Ieviest ĶĒDES veikalu pieeju pieņemšanai." });
    expect((await list("?q=nodoklu")).items.map((i) => i.id)).toContain(a);
    expect((await list("?q=NODOKĻU")).items.map((i) => i.id)).toContain(a);
    expect((await list(`?q=${encodeURIComponent("ceļš")}`)).items.map((i) => i.id)).toContain(b);
    expect((await list("?q=cels")).items.map((i) => i.id)).toContain(b);
    expect((await list("?q=kedes")).items.map((i) => i.id)).toContain(c);
    expect((await list("?q=kedes+veikalu")).items.map((i) => i.id)).toEqual([c]);
    expect((await list("?q=neeksistējošsvārds")).total).toBe(0);
  });

  test("drafts never appear in the list, not even the author's own", async () => {
    await saveDraft({ title: "Slepens melnraksts zz" });
    expect((await list("?q=slepens+melnraksts+zz", author)).total).toBe(0);
  });

  test("filters combine, unknown values are reported and ignored, and 25 ideas make a page", async () => {
    const vvd = await prisma.institution.findUniqueOrThrow({ where: { code: "VVD" } });
    for (let i = 0; i < 27; i++) await submitIdea({ title: `Vides ideja numur ${i}`, institutionId: String(vvd.id), principles: ["test", "share"] });
    const all = await list(`?institution=${vvd.id}&principle=share`);
    expect(all.total).toBe(27);
    expect(all.items).toHaveLength(25);
    expect(all.pages).toBe(2);
    expect((await list(`?institution=${vvd.id}&principle=share&page=2`)).items).toHaveLength(2);
    expect((await list(`?institution=${vvd.id}&principle=embrace`)).total).toBe(0);
    expect((await list(`?institution=${vvd.id}&stage=submitted&status=ACTIVE`)).total).toBe(27);
    const bad = await list(`?institution=${vvd.id}&stage=nope&status=LOST&principle=x`);
    expect(bad.invalid.sort()).toEqual(["principle", "stage", "status"]);
    expect(bad.total).toBe(27);
    // Newest activity first.
    expect(all.items[0].title).toBe("Vides ideja numur 26");
  });
});
