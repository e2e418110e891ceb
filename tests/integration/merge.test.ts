// Merging duplicate ideas at triage, and undoing a merge: a facilitator merges idea B into idea A
// from B's manage page (the number or a likely duplicate, then "Yes, merge"); B's supporters become
// A's, counted once; B's comments stay on B; B leaves the board as MERGED, pointing to A; its author
// and supporters are told; and the merge can be taken back from A's history, exactly.
import { beforeAll, describe, expect, test } from "vitest";
import { assignIdea, declineIdea, getBoard, moveIdea } from "~/modules/board/board.server";
import { checkStageCounts } from "~/modules/board/stage-counts.server";
import { rebuildFlowFigures } from "~/modules/dashboard/dashboard.server";
import { addComment, toggleSupport, withdrawIdea } from "~/modules/idea/idea.server";
import { runMailPass } from "~/modules/mail/jobs.server";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { action as manageAction, loader as manageLoader } from "~/routes/ideas.$id_.manage";
import { prisma } from "~/utils/db.server";
import { draftIdea, ideaInStage, submittedIdea } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";

let authorA: SignedIn;
let authorB: SignedIn;
let lab: SignedIn;
let submitter: SignedIn;
let manager: SignedIn;
let shared: SignedIn;
let onlyB: SignedIn;
let onlyA: SignedIn;

beforeAll(async () => {
  [authorA, authorB, lab, submitter, manager, shared, onlyB, onlyA] = await Promise.all([
    signedIn("SUBMITTER"),
    signedIn("SUBMITTER"),
    signedIn("FACILITATOR"),
    signedIn("SUBMITTER"),
    signedIn("MANAGER"),
    signedIn("SUBMITTER"),
    signedIn("SUBMITTER"),
    signedIn("SUBMITTER"),
  ]);
});

const ideaOf = (id: number) => prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true } });
const versionOf = async (id: number) => String((await ideaOf(id)).version);
const manage = async (ideaId: number, fields: Record<string, string>, who: SignedIn = lab) =>
  run(manageAction, {
    request: formRequest(
      `/ideas/${ideaId}/manage`,
      { formId: "merge-form", intent: "merge", ideaId: String(ideaId), version: await versionOf(ideaId), ...fields },
      { cookie: who.cookie },
    ),
    params: { id: String(ideaId) },
  });
/** "Yes, merge": B into A. */
const merge = (b: number, a: number, who: SignedIn = lab, extra: Record<string, string> = {}) =>
  manage(b, { into: String(a), confirmed: "yes", ...extra }, who);
const undo = (a: number, eventId: number, who: SignedIn = lab) =>
  run(ideaAction, {
    request: formRequest(`/ideas/${a}`, { formId: `undo-merge-${eventId}-form`, intent: "undo-merge", eventId: String(eventId) }, { cookie: who.cookie }),
    params: { id: String(a) },
  });
type IdeaPage = {
  status: string;
  supports: number;
  can: { support: boolean; manage: boolean };
  mergedInto: { id: number; title: string } | null;
  mergedIdeas: { id: number; title: string; comments: number }[];
  events: { id: number; type: string; text: string; undoableMerge: boolean; related: { id: number } | null }[];
};
const page = async (id: number, who: SignedIn) =>
  ((await run(ideaLoader, { request: getRequest(`/ideas/${id}`, who.cookie), params: { id: String(id) } })).data as { idea: IdeaPage }).idea;
const supportersOf = async (ideaId: number) =>
  (await prisma.support.findMany({ where: { ideaId }, orderBy: { userId: "asc" }, select: { userId: true, createdAt: true } })).map((s) => ({
    userId: s.userId,
    createdAt: s.createdAt.toISOString(),
  }));
const support = async (who: SignedIn, ideaId: number) => {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: who.id } });
  expect((await toggleSupport(user, { ideaId })).ok).toBe(true);
};
const mergedInEvent = (a: number) => prisma.event.findFirstOrThrow({ where: { ideaId: a, type: "MERGED_IN" }, orderBy: { id: "desc" } });

/** The flow figures as kept, to compare with a rebuild from the events. */
const flowSnapshot = async () => ({
  stays: (await prisma.stay.findMany({ orderBy: [{ ideaId: "asc" }, { enteredAt: "asc" }, { stageId: "asc" }] })).map(({ id: _id, days, ...s }) => ({
    ...s,
    days: days === null ? null : Math.round(days * 1e6),
  })),
  days: await prisma.flowDay.findMany({ orderBy: [{ day: "asc" }, { stageId: "asc" }, { institutionId: "asc" }] }),
});

/** Two ideas about the same need: A in a work stage, B waiting for triage, with supporters on both. */
async function duplicates() {
  const a = await ideaInStage("discover", authorA.id, { title: "Vienota pieteikšanās rinda visām iestādēm" });
  const b = await ideaInStage("submitted", authorB.id, { title: "Kopīga rinda pieteikumiem", institutionCode: "VK" });
  await support(shared, a.id);
  await support(onlyA, a.id);
  await support(shared, b.id);
  await support(onlyB, b.id);
  // A's author supports B: counted once on A (an author never supports their own idea).
  await support(authorA, b.id);
  return { a: a.id, b: b.id };
}

describe("merging B into A", () => {
  test("the first step checks the number and says what will happen; nothing changes until 'Yes, merge'", async () => {
    const { a, b } = await duplicates();
    const events = await prisma.event.count();
    const before = await ideaOf(b);
    const asked = await manage(b, { into: `#${a}` });
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({
      formId: "merge-form",
      data: {
        confirmMerge: {
          into: { id: a, title: "Vienota pieteikšanās rinda visām iestādēm", status: "ACTIVE", stage: { key: "discover", name: "Izpēte" } },
          // onlyB, and B's author; shared and A's author already count on A.
          moving: 2,
          shared: 2,
          comments: 0,
        },
      },
    });
    expect(await prisma.event.count()).toBe(events);
    expect(await ideaOf(b)).toMatchObject({ status: "ACTIVE", version: before.version, stageId: before.stageId });
    // The manage page of B offers the merge (the section of likely duplicates and the number field).
    const data = (await run(manageLoader, { request: getRequest(`/ideas/${b}/manage`, lab.cookie), params: { id: String(b) } })).data as {
      merge: { items: unknown[] } | null;
    };
    expect(data.merge).not.toBeNull();
  });

  test("supporters move without double counting, comments stay on B, B leaves the board, both histories say so, people are told", async () => {
    const { a, b } = await duplicates();
    const bRow = await ideaOf(b);
    const intakeId = bRow.stageId!;
    const labUser = await prisma.user.findUniqueOrThrow({ where: { id: lab.id } });
    await addComment(await prisma.user.findUniqueOrThrow({ where: { id: onlyB.id } }), { ideaId: b, body: "Mums tas pats!", internal: false });
    await addComment(labUser, { ideaId: b, body: "Līdzīga ideja jau ir izpētē.", internal: true });
    const onlyBSupport = (await supportersOf(b)).find((s) => s.userId === onlyB.id)!;
    await prisma.notification.deleteMany({});

    const merged = await merge(b, a);
    expect(merged.status).toBe(302);
    expect(merged.location).toBe(`/ideas/${a}`);

    // B: merged, off the board, unassigned, pointing to A; its supports gone to A.
    expect(await ideaOf(b)).toMatchObject({ status: "MERGED", mergedIntoId: a, stageId: null, position: null, stageEnteredAt: null, assigneeId: null });
    expect(await supportersOf(b)).toEqual([]);
    // A: its own supporters, and B's who did not support it yet (with the day they supported B), and B's author; once each.
    const onA = await supportersOf(a);
    expect(onA.map((s) => s.userId).sort((x, y) => x - y)).toEqual([authorB.id, shared.id, onlyB.id, onlyA.id].sort((x, y) => x - y));
    expect(onA.find((s) => s.userId === onlyB.id)).toEqual(onlyBSupport);
    expect((await page(a, submitter)).supports).toBe(4);
    // Comments stay on B; A's page lists B with them (internal notes counted for those who read them).
    expect(await prisma.comment.count({ where: { ideaId: b } })).toBe(2);
    expect((await page(a, lab)).mergedIdeas).toEqual([{ id: b, title: bRow.title, language: "lv", comments: 2 }]);
    expect((await page(a, submitter)).mergedIdeas).toEqual([{ id: b, title: bRow.title, language: "lv", comments: 1 }]);

    // B's page: the banner's idea, no support button, no managing.
    const bPage = await page(b, submitter);
    expect(bPage).toMatchObject({ status: "MERGED", mergedInto: { id: a, title: "Vienota pieteikšanās rinda visām iestādēm" } });
    expect(bPage.can).toMatchObject({ support: false, manage: false });

    // Both histories, in words: MERGED on B (from the intake stage), MERGED_IN on A; each names the other idea.
    const mergedEvent = await prisma.event.findFirstOrThrow({ where: { ideaId: b, type: "MERGED" } });
    expect(mergedEvent).toMatchObject({ actorId: lab.id, fromStageId: intakeId, toStageId: null, fromStatus: "ACTIVE", toStatus: "MERGED" });
    expect(JSON.parse(mergedEvent.data!)).toMatchObject({
      intoId: a,
      restore: { stageId: intakeId, position: bRow.position, stageEnteredAt: bRow.stageEnteredAt!.toISOString(), assigneeId: null },
      moved: [onlyBSupport],
      authorAdded: { userId: authorB.id },
    });
    expect(
      JSON.parse(mergedEvent.data!)
        .dropped.map((s: { userId: number }) => s.userId)
        .sort(),
    ).toEqual([authorA.id, shared.id].sort());
    const mergedIn = await mergedInEvent(a);
    expect(JSON.parse(mergedIn.data!)).toEqual({ mergedId: b, supportsAdded: 2 });
    expect((await page(b, submitter)).events.at(-1)).toMatchObject({ type: "MERGED", text: "MERGED", related: { id: a } });
    expect((await page(a, submitter)).events.at(-1)).toMatchObject({ type: "MERGED_IN", related: { id: b }, undoableMerge: false });
    expect((await page(a, lab)).events.at(-1)).toMatchObject({ type: "MERGED_IN", undoableMerge: true });

    // Told: B's author and everyone who supported B, not the facilitator, not A's own supporters.
    const told = await prisma.notification.findMany({ where: { ideaId: b, kind: "MERGED" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort((x, y) => x - y)).toEqual([authorA.id, authorB.id, shared.id, onlyB.id].sort((x, y) => x - y));
    expect(await prisma.notification.count({ where: { kind: "MERGED", userId: { in: [lab.id, onlyA.id] } } })).toBe(0);

    // The board: B is gone, the kept counts equal a recount, B's stay in intake is closed as a departure.
    const board = await getBoard(labUser, {}, {}, "lv");
    expect(board.columns.flatMap((c) => c.cards).some((card) => card.id === b)).toBe(false);
    expect(await checkStageCounts()).toEqual([]);
    expect(await prisma.stay.findFirst({ where: { ideaId: b }, orderBy: { id: "desc" } })).toMatchObject({ stageId: intakeId, nextStageId: null });
    expect(await prisma.stay.count({ where: { ideaId: b, leftAt: null } })).toBe(0);
    const kept = await flowSnapshot();
    await rebuildFlowFigures();
    expect(await flowSnapshot()).toEqual(kept);
  });

  test("the e-mail tells the merged idea's author, in their language", async () => {
    const { a, b } = await duplicates();
    await prisma.notification.updateMany({ where: { mailedAt: null }, data: { mailedAt: new Date() } });
    await prisma.user.update({ where: { id: authorB.id }, data: { locale: "en" } });
    expect((await merge(b, a)).status).toBe(302);
    await runMailPass();
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: authorB.id }, orderBy: { id: "desc" } });
    expect(mail.subject).toBe("An idea you submitted or support was merged into another: Kopīga rinda pieteikumiem");
    expect(mail.text).toContain(`/ideas/${b}`);
    expect(mail.text).toContain("idea merged into another");
    const lv = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: onlyB.id }, orderBy: { id: "desc" } });
    expect(lv.subject).toBe("Ideja, ko iesniedzāt vai atbalstāt, apvienota ar citu: Kopīga rinda pieteikumiem");
    await prisma.user.update({ where: { id: authorB.id }, data: { locale: null } });
  });

  test("an idea from a work stage, merged into one returned to its author with a question, and a merged idea is found by its status", async () => {
    const a = await ideaInStage("submitted", authorA.id);
    const b = await ideaInStage("define", authorB.id);
    expect((await manage(a.id, { formId: "return-form", intent: "return", question: "Kuras iestādes?" })).status).toBe(302);
    expect((await merge(b.id, a.id)).status).toBe(302);
    expect((await ideaOf(b.id)).status).toBe("MERGED");
    expect(await checkStageCounts()).toEqual([]);
    const { loader: listLoader } = await import("~/routes/ideas._index");
    const list = (await run(listLoader, { request: getRequest("/ideas?status=MERGED", submitter.cookie) })).data as { list: { items: { id: number }[] } };
    expect(JSON.stringify(list)).toContain(`"id":${b.id}`);
  });
});

describe("the likely duplicates", () => {
  test("the manage page lists the ideas most like this one's title and need, never itself, a draft or a merged idea; only open ones can be merged into", async () => {
    const brief = {
      summary: "Bibliotēkas lasītāji rezervē grāmatas tiešsaistē, nevis zvanot.",
      problem: "Lasītāji nevar rezervēt grāmatas citā bibliotēkā un brauc velti.",
      usersAffected: "Novadu bibliotēku lasītāji.",
    };
    const title = "Grāmatu rezervēšana novadu bibliotēkās";
    const b = await submittedIdea(authorB.id, { title, brief });
    const open = await submittedIdea(authorA.id, { title: "Rezervēt grāmatas bibliotēkās tiešsaistē", brief, institutionCode: "VK" });
    const declined = await submittedIdea(authorA.id, { title: "Bibliotēku grāmatu rezervēšana", brief });
    const labUser = await prisma.user.findUniqueOrThrow({ where: { id: lab.id } });
    expect((await declineIdea(labUser, { ideaId: declined, version: Number(await versionOf(declined)), text: "Jau risina cita iestāde." })).ok).toBe(true);
    const gone = await submittedIdea(authorA.id, { title: "Grāmatu rezervēšana bibliotēkās", brief });
    await support(onlyB, gone);
    expect((await merge(gone, open)).status).toBe(302);
    await draftIdea(authorA.id, title);
    const loaded = (await run(manageLoader, { request: getRequest(`/ideas/${b}/manage`, lab.cookie), params: { id: String(b) } })).data as {
      merge: { items: { id: number; mergeable: boolean; institution: string; supports: number }[]; institutions: number };
    };
    const ids = loaded.merge.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([open, declined]));
    expect(ids).not.toContain(b);
    expect(ids).not.toContain(gone);
    expect(await prisma.idea.count({ where: { id: { in: ids }, status: "DRAFT" } })).toBe(0);
    expect(loaded.merge.items.find((i) => i.id === open)).toMatchObject({ mergeable: true, supports: 1 });
    expect(loaded.merge.items.find((i) => i.id === declined)).toMatchObject({ mergeable: false });
    expect(loaded.merge.institutions).toBeGreaterThanOrEqual(2);
    // A candidate's button posts the same first step as the number field.
    const asked = await manage(b, { into: String(open) });
    expect(asked.data).toMatchObject({ formId: "merge-form", data: { confirmMerge: { into: { id: open } } } });
    // An idea that cannot be merged (here: a merged one) has no such section.
    const mergedPage = (await run(manageLoader, { request: getRequest(`/ideas/${gone}/manage`, lab.cookie), params: { id: String(gone) } })).data as {
      merge: unknown;
    };
    expect(mergedPage.merge).toBeNull();
  });
});

describe("refusals", () => {
  test("the number: not a number, the idea itself, unknown, a draft, a closed, declined, withdrawn or merged idea: 400 beside the field, what was typed kept", async () => {
    const b = await ideaInStage("submitted", authorB.id);
    const draft = await draftIdea(authorA.id);
    const closed = await ideaInStage("implemented", authorA.id);
    const declined = await ideaInStage("submitted", authorA.id);
    const labUser = await prisma.user.findUniqueOrThrow({ where: { id: lab.id } });
    expect((await declineIdea(labUser, { ideaId: declined.id, version: declined.version, text: "Ārpus darba jomas." })).ok).toBe(true);
    const withdrawn = await ideaInStage("discover", authorA.id);
    expect((await withdrawIdea(await prisma.user.findUniqueOrThrow({ where: { id: authorA.id } }), { id: withdrawn.id })).ok).toBe(true);
    const target = await ideaInStage("discover", authorA.id);
    const alreadyMerged = await ideaInStage("submitted", authorA.id);
    expect((await merge(alreadyMerged.id, target.id)).status).toBe(302);
    const events = await prisma.event.count();
    const cases: [string, string][] = [
      ["", "board:merge.errors.required"],
      ["#", "board:merge.errors.required"],
      ["divpadsmit", "board:merge.errors.number"],
      [String(b.id), "board:merge.errors.self"],
      ["2147483000", 'board:merge.errors.unknown|{"id":2147483000}'],
      ["99999999999", 'board:merge.errors.unknown|{"id":99999999999}'],
      [String(draft), `board:merge.errors.unknown|{"id":${draft}}`],
      [String(closed.id), `board:merge.errors.intoClosed|{"id":${closed.id}}`],
      [String(declined.id), `board:merge.errors.intoClosed|{"id":${declined.id}}`],
      [String(withdrawn.id), `board:merge.errors.intoClosed|{"id":${withdrawn.id}}`],
      [String(alreadyMerged.id), `board:merge.errors.intoClosed|{"id":${alreadyMerged.id}}`],
    ];
    for (const [into, message] of cases) {
      for (const confirmed of [{}, { confirmed: "yes" }] as Record<string, string>[]) {
        const refused = await manage(b.id, { into, ...confirmed });
        expect(refused.status, into).toBe(400);
        expect(reply(refused).error.into, into).toEqual([message]);
        // What was typed comes back (an empty field is simply empty).
        if (into) expect(reply(refused).initialValue).toMatchObject({ into });
      }
    }
    expect(await prisma.event.count()).toBe(events);
    expect((await ideaOf(b.id)).status).toBe("ACTIVE");
  });

  test("from an idea that is not on the board in the intake or a work stage, or at a stale version: 409", async () => {
    const a = await ideaInStage("discover", authorA.id);
    const closed = await ideaInStage("stopped", authorB.id);
    const returned = await ideaInStage("submitted", authorB.id);
    expect((await manage(returned.id, { formId: "return-form", intent: "return", question: "Kāpēc?" })).status).toBe(302);
    const draft = await draftIdea(authorB.id);
    for (const from of [closed.id, returned.id, draft]) {
      const refused = await merge(from, a.id);
      expect(refused.status).toBe(409);
      expect(reply(refused).error[""]).toEqual(["board:merge.errors.fromNotOpen"]);
    }
    const b = await ideaInStage("submitted", authorB.id);
    const stale = await versionOf(b.id);
    expect((await manage(b.id, { formId: "accept-form", intent: "accept", stage: "discover" })).status).toBe(302);
    const late = await merge(b.id, a.id, lab, { version: stale });
    expect(late.status).toBe(409);
    expect(reply(late).error[""]).toEqual(["board:manageErrors.conflict"]);
    expect(reply(late).initialValue).toMatchObject({ into: String(a.id) });
    expect((await ideaOf(b.id)).status).toBe("ACTIVE");
  });

  test("submitters and managers get 403; an unknown idea is a 404", async () => {
    const { a, b } = await duplicates();
    for (const who of [authorB, submitter, manager]) {
      expect((await manage(b, { into: String(a) }, who)).status, who.role).toBe(403);
      expect((await merge(b, a, who)).status, who.role).toBe(403);
    }
    expect((await ideaOf(b)).status).toBe("ACTIVE");
    const unknown = 2_000_000_000;
    const missing = await run(manageAction, {
      request: formRequest(
        `/ideas/${unknown}/manage`,
        { intent: "merge", ideaId: String(unknown), version: "1", into: String(a), confirmed: "yes" },
        { cookie: lab.cookie },
      ),
      params: { id: String(unknown) },
    });
    expect(missing.status).toBe(404);
  });
});

describe("at the same moment", () => {
  test("B into A and A into B at once: one merge is made, the other refused (never a 500), and the counts stay right", async () => {
    const { a, b } = await duplicates();
    const results = await Promise.all([merge(b, a), merge(a, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    const [ideaA, ideaB] = [await ideaOf(a), await ideaOf(b)];
    expect([ideaA.status, ideaB.status].sort()).toEqual(["ACTIVE", "MERGED"]);
    expect(await checkStageCounts()).toEqual([]);
    // Two undos at once: one takes it back, the other is told it is too late.
    const [into] = ideaA.status === "MERGED" ? [b] : [a];
    const event = await mergedInEvent(into);
    const undone = await Promise.all([undo(into, event.id), undo(into, event.id)]);
    expect(undone.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await prisma.event.count({ where: { type: "MERGE_UNDONE", ideaId: into } })).toBe(1);
    expect(await checkStageCounts()).toEqual([]);
  });
});

describe("undoing a merge", () => {
  test("from A's history: B comes back exactly as it was, A loses exactly what the merge gave it; a second undo is refused", async () => {
    const { a, b } = await duplicates();
    const labUser = await prisma.user.findUniqueOrThrow({ where: { id: lab.id } });
    // B is taken in and assigned first, so there is more to restore.
    expect((await manage(b, { formId: "accept-form", intent: "accept", stage: "define" })).status).toBe(302);
    expect((await assignIdea(labUser, { ideaId: b, version: Number(await versionOf(b)), assigneeId: lab.id })).ok).toBe(true);
    const before = await ideaOf(b);
    const supportsB = await supportersOf(b);
    const supportsA = await supportersOf(a);
    expect((await merge(b, a)).status).toBe(302);
    const mergedIn = await mergedInEvent(a);

    const undone = await undo(a, mergedIn.id);
    expect(undone.status).toBe(302);
    expect(undone.location).toBe(`/ideas/${a}`);
    const after = await ideaOf(b);
    expect(after).toMatchObject({
      status: "ACTIVE",
      mergedIntoId: null,
      stageId: before.stageId,
      position: before.position,
      stageEnteredAt: before.stageEnteredAt,
      assigneeId: lab.id,
    });
    expect(await supportersOf(b)).toEqual(supportsB);
    expect(await supportersOf(a)).toEqual(supportsA);
    // Both histories say so; B is on the board again, in its stage, with an open stay there.
    const undoneB = await prisma.event.findFirstOrThrow({ where: { ideaId: b }, orderBy: { id: "desc" } });
    expect(undoneB).toMatchObject({ type: "MERGE_UNDONE", actorId: lab.id, fromStatus: "MERGED", toStatus: "ACTIVE", toStageId: before.stageId });
    const undoneA = await prisma.event.findFirstOrThrow({ where: { ideaId: a }, orderBy: { id: "desc" } });
    expect(undoneA).toMatchObject({ type: "MERGE_UNDONE", actorId: lab.id, toStageId: null });
    expect((await page(a, lab)).events.at(-1)).toMatchObject({ text: "MERGE_UNDONE_IN", related: { id: b } });
    expect((await page(b, lab)).events.at(-1)).toMatchObject({ text: "MERGE_UNDONE", related: { id: a } });
    expect((await page(a, lab)).mergedIdeas).toEqual([]);
    expect(await checkStageCounts()).toEqual([]);
    expect(await prisma.stay.count({ where: { ideaId: b, stageId: before.stageId!, leftAt: null } })).toBe(1);
    const board = await getBoard(labUser, {}, {}, "lv");
    expect(board.columns.find((c) => c.key === "define")!.cards.some((card) => card.id === b)).toBe(true);
    const kept = await flowSnapshot();
    await rebuildFlowFigures();
    expect(await flowSnapshot()).toEqual(kept);

    // Nothing left to undo: the history offers nothing, and a second undo (someone else was first) is a 409.
    expect((await page(a, lab)).events.some((e) => e.undoableMerge)).toBe(false);
    const again = await undo(a, mergedIn.id);
    expect(again.status).toBe(409);
    expect(reply(again).error[""]).toEqual(["board:merge.errors.undoLate"]);
    expect(await prisma.event.count({ where: { ideaId: b, type: "MERGE_UNDONE" } })).toBe(1);
  });

  test("B goes to the end of its column when its old place was taken meanwhile", async () => {
    const a = await ideaInStage("discover", authorA.id);
    const b = await ideaInStage("develop", authorB.id);
    const labUser = await prisma.user.findUniqueOrThrow({ where: { id: lab.id } });
    const old = (await ideaOf(b.id)).position!;
    expect((await merge(b.id, a.id)).status).toBe(302);
    // Another card moved to the end of the column lands where B was.
    const c = await ideaInStage("define", authorA.id);
    expect((await moveIdea(labUser, { ideaId: c.id, version: c.version, stage: "develop" })).ok).toBe(true);
    expect((await ideaOf(c.id)).position).toBe(old);
    expect((await undo(a.id, (await mergedInEvent(a.id)).id)).status).toBe(302);
    const back = await ideaOf(b.id);
    expect(back.stage?.key).toBe("develop");
    expect(back.position).toBeGreaterThan(old);
    expect(await checkStageCounts()).toEqual([]);
  });

  test("refused while A is itself merged into another (that merge first); then allowed", async () => {
    const { a, b } = await duplicates();
    const c = await ideaInStage("discover", authorA.id);
    expect((await merge(b, a)).status).toBe(302);
    const bIntoA = await mergedInEvent(a);
    expect((await merge(a, c.id)).status).toBe(302);
    // A's history offers no undo now; C's offers A's.
    expect((await page(a, lab)).events.some((e) => e.undoableMerge)).toBe(false);
    const refused = await undo(a, bIntoA.id);
    expect(refused.status).toBe(409);
    expect(reply(refused).error[""]).toEqual(["board:merge.errors.undoIntoMerged"]);
    expect((await undo(c.id, (await mergedInEvent(c.id)).id)).status).toBe(302);
    expect((await undo(a, bIntoA.id)).status).toBe(302);
    expect(await ideaOf(b)).toMatchObject({ status: "ACTIVE", mergedIntoId: null });
    expect(await ideaOf(a)).toMatchObject({ status: "ACTIVE", mergedIntoId: null });
    expect(await checkStageCounts()).toEqual([]);
  });

  test("submitters and managers get 403; an unknown event, or another idea's, is a 404", async () => {
    const { a, b } = await duplicates();
    expect((await merge(b, a)).status).toBe(302);
    const mergedIn = await mergedInEvent(a);
    for (const who of [authorA, authorB, submitter, manager]) expect((await undo(a, mergedIn.id, who)).status, who.role).toBe(403);
    expect((await ideaOf(b)).status).toBe("MERGED");
    expect((await undo(b, mergedIn.id)).status).toBe(404);
    expect((await undo(a, 2_000_000_000)).status).toBe(404);
    const mergedEvent = await prisma.event.findFirstOrThrow({ where: { ideaId: b, type: "MERGED" } });
    expect((await undo(b, mergedEvent.id)).status).toBe(404);
  });
});
