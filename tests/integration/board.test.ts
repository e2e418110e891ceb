import { beforeAll, describe, expect, test } from "vitest";
import { action as boardAction, loader as boardLoader } from "~/routes/board";
import { action as manageAction, loader as manageLoader } from "~/routes/ideas.$id_.manage";
import { loader as mineLoader } from "~/routes/ideas.mine";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { assignIdea, moveIdea } from "~/modules/board/board.server";
import { COLUMN_PAGE } from "~/modules/board/columns";
import { createIdea } from "~/modules/idea/idea.server";
import { prisma } from "~/utils/db.server";
import { signedIn, type SignedIn } from "../factories/user";
import { column } from "../factories/board";
import { ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";

type Role = "SUBMITTER" | "FACILITATOR" | "MANAGER" | "ADMIN";
const people = {} as Record<Role, SignedIn>;
let author: SignedIn;

beforeAll(async () => {
  for (const role of ["SUBMITTER", "FACILITATOR", "MANAGER", "ADMIN"] as const) people[role] = await signedIn(role);
  author = await signedIn("SUBMITTER");
});

const versionOf = async (id: number) => String((await prisma.idea.findUniqueOrThrow({ where: { id } })).version);
const stageOf = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true } })).stage?.key;
/** A move as the board's drag and drop sends it (the card's current version unless given). */
const move = async (ideaId: number, fields: Record<string, string>, who: SignedIn = people.FACILITATOR) =>
  run(boardAction, {
    request: formRequest(
      "/board",
      { formId: "board-move", intent: "move", ideaId: String(ideaId), version: await versionOf(ideaId), ...fields },
      { cookie: who.cookie },
    ),
  });
const manage = async (ideaId: number, fields: Record<string, string | string[]>, who: SignedIn = people.FACILITATOR) =>
  run(manageAction, {
    request: formRequest(`/ideas/${ideaId}/manage`, { ideaId: String(ideaId), version: await versionOf(ideaId), ...fields }, { cookie: who.cookie }),
    params: { id: String(ideaId) },
  });
const lastEvent = (ideaId: number) =>
  prisma.event.findFirstOrThrow({ where: { ideaId }, orderBy: { id: "desc" }, include: { fromStage: true, toStage: true } });

describe("moving cards", () => {
  test("facilitators and admins move; submitters and managers get 403 and the card stays", async () => {
    const idea = await ideaInStage("discover", author.id);
    for (const who of [people.SUBMITTER, people.MANAGER, author]) {
      expect((await move(idea.id, { stage: "define" }, who)).status, who.role).toBe(403);
    }
    expect(await stageOf(idea.id)).toBe("discover");
    const moved = await move(idea.id, { stage: "define" }, people.FACILITATOR);
    expect(moved.status).toBe(200);
    expect(moved.data).toMatchObject({ formId: "board-move", data: { moved: true } });
    expect((await move(idea.id, { stage: "develop" }, people.ADMIN)).status).toBe(200);
    expect(await stageOf(idea.id)).toBe("develop");
  });

  test("every move writes its event (from, to, actor) and resets the days in stage", async () => {
    const idea = await ideaInStage("discover", author.id);
    await move(idea.id, { stage: "define", position: "1" });
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after.version).toBe(idea.version + 1);
    expect(after.stageEnteredAt!.getTime()).toBeGreaterThan(idea.stageEnteredAt!.getTime() - 1);
    const event = await lastEvent(idea.id);
    expect(event).toMatchObject({ type: "MOVED", actorId: people.FACILITATOR.id });
    expect(event.fromStage?.key).toBe("discover");
    expect(event.toStage?.key).toBe("define");
    // Reordering within a column is its own kind of event.
    await ideaInStage("define", author.id);
    await move(idea.id, { stage: "define", position: "2" });
    expect((await lastEvent(idea.id)).type).toBe("REORDERED");
  });

  test("positions: to the top, between and to the end", async () => {
    for (const card of await column("develop"))
      await moveIdea(people.FACILITATOR, { ideaId: card.id, version: card.version, stage: "stopped", closingNote: "Aizvākts." });
    const cards = [];
    for (let i = 0; i < 3; i++) cards.push(await ideaInStage("develop", author.id));
    const mover = await ideaInStage("define", author.id);
    await move(mover.id, { stage: "develop", position: "2" });
    let ids = (await column("develop")).map((c) => c.id);
    expect(ids.indexOf(mover.id)).toBe(ids.indexOf(cards[0].id) + 1);
    await move(mover.id, { stage: "develop", position: "1" });
    ids = (await column("develop")).map((c) => c.id);
    expect(ids[0]).toBe(mover.id);
    await move(mover.id, { stage: "develop" });
    ids = (await column("develop")).map((c) => c.id);
    expect(ids.at(-1)).toBe(mover.id);
  });

  test("a stale version is refused with 409 and the card stays where the other facilitator put it", async () => {
    const idea = await ideaInStage("discover", author.id);
    expect((await move(idea.id, { stage: "define", version: String(idea.version) })).status).toBe(200);
    const stale = await move(idea.id, { stage: "develop", version: String(idea.version) }, people.ADMIN);
    expect(stale.status).toBe(409);
    expect(reply(stale).error[""]).toEqual(["board:errors.conflict"]);
    expect(await stageOf(idea.id)).toBe("define");
  });

  test.each([
    ["an unknown stage", { stage: "nowhere" }, { stage: ["board:errors.unknownStage"] }],
    ["a position beyond the column", { stage: "define", position: "9999" }, { position: ["board:errors.unknownPosition"] }],
    ["a position of zero", { stage: "define", position: "0" }, { position: ["positionMin"] }],
    ["a non-numeric version", { stage: "define", version: "abc" }, { "": ["common:errors.tampered"] }],
    ["a missing version", { stage: "define", version: "" }, { "": ["common:errors.tampered"] }],
  ])("%s answers 400 with its message, and nothing moves", async (_name, fields, messages) => {
    const idea = await ideaInStage("discover", author.id);
    const result = await move(idea.id, fields);
    expect(result.status).toBe(400);
    expect(reply(result).error).toMatchObject(messages);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { stage: true } });
    expect(after.stage?.key).toBe("discover");
    expect(after.version).toBe(idea.version);
  });

  test("a draft cannot be moved; an unknown idea is a 404", async () => {
    const institution = await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } });
    const draft = await createIdea(author, { intent: "draft", title: "Melnraksts uz tāfeles", principles: [], institutionId: institution.id } as never);
    if (!draft.ok) throw new Error("no draft");
    const refused = await move(draft.value.id, { stage: "define" });
    expect(refused.status).toBe(400);
    expect(reply(refused).error[""]).toEqual(["board:errors.notOnBoard"]);
    expect(
      (
        await run(boardAction, {
          request: formRequest("/board", { intent: "move", ideaId: "99999999", version: "1", stage: "define" }, { cookie: people.FACILITATOR.cookie }),
        })
      ).status,
    ).toBe(404);
  });

  test("moving into implemented or stopped asks for a closing note, which the idea then keeps", async () => {
    const idea = await ideaInStage("scale", author.id);
    const missing = await manage(idea.id, { intent: "move", stage: "implemented" });
    expect(missing.status).toBe(400);
    expect(reply(missing).error.closingNote).toEqual(["board:errors.closingNoteRequired"]);
    const note = "Ieviests visās 5 nodaļās; zvanu skaits samazinājās par 30 %.";
    expect((await manage(idea.id, { intent: "move", stage: "implemented", closingNote: note })).status).toBe(302);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after.closingNote).toBe(note);
    expect(after.closedAt).not.toBeNull();
    expect(JSON.parse((await lastEvent(idea.id)).data!)).toEqual({ closingNote: note });
  });

  test("a gate refuses with what is missing and where to fix it, for every way of moving", async () => {
    const idea = await ideaInStage("develop", author.id);
    const refused = await move(idea.id, { stage: "test" });
    expect(refused.status).toBe(400);
    expect(reply(refused)).toMatchObject({ error: { "": ["board:gates.test"] }, link: `/ideas/${idea.id}/experiments/new` });
    const page = await manage(idea.id, { intent: "move", stage: "test" });
    expect(reply(page)).toMatchObject({ error: { "": ["board:gates.test"] }, link: `/ideas/${idea.id}/experiments/new` });
    expect(await stageOf(idea.id)).toBe("develop");
  });

  test("twenty simultaneous moves into one column leave it consistent: no duplicate, none lost, twenty events", async () => {
    const target = await ideaInStage("define", author.id);
    const movers = [];
    for (let i = 0; i < 20; i++) movers.push(await ideaInStage("discover", author.id));
    const before = await column("define");
    const results = await Promise.all(
      movers.map((idea, i) => moveIdea(people.FACILITATOR, { ideaId: idea.id, version: idea.version, stage: "define", position: (i % 3) + 1 })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await column("define");
    expect(after).toHaveLength(before.length + 20);
    expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
    expect(new Set(after.map((c) => c.position)).size).toBe(after.length);
    expect(after.map((c) => c.id)).toContain(target.id);
    expect(await prisma.event.count({ where: { ideaId: { in: movers.map((m) => m.id) }, type: "MOVED", toStage: { key: "define" } } })).toBe(20);
  });

  test("many moves to the same spot renumber the column and keep the order", async () => {
    const anchor = await ideaInStage("discover", author.id, { title: "Enkurs" });
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const idea = await ideaInStage("develop", author.id);
      const discover = await column("discover");
      const at = discover.findIndex((c) => c.id === anchor.id) + 2; // just after the anchor (1-based)
      const result = await moveIdea(people.FACILITATOR, { ideaId: idea.id, version: idea.version, stage: "discover", position: at });
      expect(result.ok).toBe(true);
      ids.push(idea.id);
    }
    const discover = (await column("discover")).map((c) => c.id);
    const start = discover.indexOf(anchor.id);
    expect(discover.slice(start + 1, start + 61)).toEqual([...ids].reverse());
  });
});

describe("triage", () => {
  test("accept into a work stage, with an event", async () => {
    const idea = await ideaInStage("submitted", author.id);
    expect((await manage(idea.id, { intent: "accept", stage: "discover" })).status).toBe(302);
    expect(await stageOf(idea.id)).toBe("discover");
    expect((await lastEvent(idea.id)).type).toBe("MOVED");
  });

  test("return with a question: the author sees it on My ideas and the idea page, and may edit", async () => {
    const idea = await ideaInStage("submitted", author.id);
    const empty = await manage(idea.id, { intent: "return", question: " " });
    expect(empty.status).toBe(400);
    expect(reply(empty).error.question).toEqual(["required"]);
    expect((await manage(idea.id, { intent: "return", question: "Cik lietotāju to skar?" })).status).toBe(302);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after).toMatchObject({ status: "NEEDS_INFO", stageId: null, returnQuestion: "Cik lietotāju to skar?" });
    const mine = (await run(mineLoader, { request: getRequest("/ideas/mine", author.cookie) })).data as {
      items: { id: number; waitingOnAuthor: string | null }[];
      waiting: number;
    };
    expect(mine.items.find((i) => i.id === idea.id)?.waitingOnAuthor).toBe("Cik lietotāju to skar?");
    expect(mine.waiting).toBeGreaterThanOrEqual(1);
    const page = (await run(ideaLoader, { request: getRequest(`/ideas/${idea.id}`, author.cookie), params: { id: String(idea.id) } })).data as {
      idea: { returnQuestion: string; can: { edit: boolean } };
    };
    expect(page.idea.returnQuestion).toBe("Cik lietotāju to skar?");
    expect(page.idea.can.edit).toBe(true);
    expect((await lastEvent(idea.id)).type).toBe("RETURNED");
  });

  test("decline with a reason the author sees", async () => {
    const idea = await ideaInStage("submitted", author.id);
    expect((await manage(idea.id, { intent: "decline", reason: "Jau risina Valsts kanceleja.", confirmed: "yes" })).status).toBe(302);
    const page = (await run(ideaLoader, { request: getRequest(`/ideas/${idea.id}`, author.cookie), params: { id: String(idea.id) } })).data as {
      idea: { status: string; declineReason: string };
    };
    expect(page.idea).toMatchObject({ status: "DECLINED", declineReason: "Jau risina Valsts kanceleja." });
  });

  test("triage is only for the intake column and only for facilitators and admins", async () => {
    const working = await ideaInStage("define", author.id);
    const refused = await manage(working.id, { intent: "decline", reason: "Nē" });
    expect(refused.status).toBe(400);
    expect(reply(refused).error[""]).toEqual(["board:errors.notInIntake"]);
    const intake = await ideaInStage("submitted", author.id);
    for (const who of [people.SUBMITTER, people.MANAGER]) {
      expect((await manage(intake.id, { intent: "decline", reason: "Nē" }, who)).status).toBe(403);
      expect((await run(manageLoader, { request: getRequest(`/ideas/${intake.id}/manage`, who.cookie), params: { id: String(intake.id) } })).status).toBe(403);
    }
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: intake.id } })).status).toBe("ACTIVE");
  });

  test("assign a facilitator (not a submitter), and confirm principle tags, each with an event", async () => {
    const idea = await ideaInStage("discover", author.id);
    const wrong = await manage(idea.id, { intent: "assign", assigneeId: String(people.SUBMITTER.id) });
    expect(wrong.status).toBe(400);
    expect(reply(wrong).error.assigneeId).toEqual(["board:errors.unknownAssignee"]);
    expect((await manage(idea.id, { intent: "assign", assigneeId: String(people.FACILITATOR.id) })).status).toBe(302);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).assigneeId).toBe(people.FACILITATOR.id);
    const none = await manage(idea.id, { intent: "tags", principles: [] });
    expect(reply(none).error.principles).toEqual(["principleRequired"]);
    expect((await manage(idea.id, { intent: "tags", principles: ["test", "share"] })).status).toBe(302);
    const tags = await prisma.ideaPrinciple.findMany({ where: { ideaId: idea.id }, include: { principle: true } });
    expect(tags.map((t) => [t.principle.key, t.confirmed]).sort()).toEqual([
      ["share", true],
      ["test", true],
    ]);
    const types = (await prisma.event.findMany({ where: { ideaId: idea.id }, orderBy: { id: "desc" }, take: 2 })).map((e) => e.type);
    expect(types).toEqual(["TAGGED", "ASSIGNED"]);
    expect((await manage(idea.id, { intent: "assign", version: String(idea.version), assigneeId: "" })).status).toBe(409);
  });

  test("a tampered idea id in the form answers 400 with a message for the whole form", async () => {
    const a = await ideaInStage("discover", author.id);
    const b = await ideaInStage("discover", author.id);
    const result = await run(manageAction, {
      request: formRequest(
        `/ideas/${a.id}/manage`,
        { intent: "move", ideaId: String(b.id), version: String(b.version), stage: "define" },
        { cookie: people.FACILITATOR.cookie },
      ),
      params: { id: String(a.id) },
    });
    expect(result.status).toBe(400);
    expect(reply(result).error[""]).toEqual(["common:errors.tampered"]);
    expect(await stageOf(b.id)).toBe("discover");
  });

  test("a version that is not a number answers 400 with a message for the whole form", async () => {
    const a = await ideaInStage("discover", author.id);
    const result = await manage(a.id, { intent: "move", version: "x", stage: "define" });
    expect(result.status).toBe(400);
    expect(reply(result).error[""]).toEqual(["common:errors.tampered"]);
  });
});

describe("the board page", () => {
  type Board = { canMove: boolean; density: string; columns: { key: string; count: number; cards: { id: number; title: string }[] }[] };
  const board = async (query = "", who: SignedIn = people.FACILITATOR) =>
    (await run(boardLoader, { request: getRequest(`/board${query}`, who.cookie) })).data as Board;

  test("columns follow the stages, and only facilitators and admins may move", async () => {
    const view = await board();
    expect(view.columns.map((c) => c.key)).toEqual(["submitted", "discover", "define", "develop", "test", "scale", "implemented", "stopped"]);
    expect(view.canMove).toBe(true);
    expect((await board("", people.ADMIN)).canMove).toBe(true);
    expect((await board("", people.SUBMITTER)).canMove).toBe(false);
    expect((await board("", people.MANAGER)).canMove).toBe(false);
  });

  test("a column shows its first page of cards with the full count, and more on request", async () => {
    for (let i = 0; i < COLUMN_PAGE + 5; i++) await ideaInStage("stopped", author.id);
    const collapsed = (await board()).columns.find((c) => c.key === "stopped")!;
    expect(collapsed.cards).toHaveLength(0);
    const first = (await board("?open=stopped")).columns.find((c) => c.key === "stopped")!;
    expect(first.cards).toHaveLength(COLUMN_PAGE);
    expect(first.count).toBeGreaterThanOrEqual(COLUMN_PAGE + 5);
    expect(first.count).toBe(collapsed.count);
    const more = (await board(`?open=stopped&show_stopped=${2 * COLUMN_PAGE}`)).columns.find((c) => c.key === "stopped")!;
    expect(more.cards.length).toBe(Math.min(2 * COLUMN_PAGE, more.count));
  });

  test("the density is saved for the person and kept across pages; a value outside the list is refused", async () => {
    const who = people.SUBMITTER;
    const setDensity = (density: string) =>
      run(boardAction, { request: formRequest("/board?q=x", { formId: "board-density-form", intent: "density", density }, { cookie: who.cookie }) });
    expect((await board("", who)).density).toBe("comfortable");
    const saved = await setDensity("compact");
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/board?q=x");
    expect((await board("", who)).density).toBe("compact");
    // Another person's board is unchanged.
    expect((await board("", people.FACILITATOR)).density).toBe("comfortable");
    const refused = await setDensity("tiny");
    expect(refused.status).toBe(400);
    expect(reply(refused).error.density).toEqual(["invalidChoice"]);
    expect((await board("", who)).density).toBe("compact");
    await setDensity("comfortable");
  });

  test("filters: institution, text and assigned to me", async () => {
    const mine = await ideaInStage("develop", author.id, { title: "Mana ZĀĻU ideja", institutionCode: "ZVA" });
    await assignIdea(people.FACILITATOR, { ideaId: mine.id, version: mine.version, assigneeId: people.FACILITATOR.id });
    const zva = await prisma.institution.findUniqueOrThrow({ where: { code: "ZVA" } });
    const ids = (b: Board) => b.columns.flatMap((c) => c.cards.map((x) => x.id));
    expect(ids(await board(`?institution=${zva.id}`))).toEqual([mine.id]);
    expect(ids(await board("?q=zalu"))).toContain(mine.id);
    // Search words are matched as text: "%" and "_" are not wildcards.
    expect(ids(await board("?q=%25"))).toEqual([]);
    expect(ids(await board("?q=_"))).toEqual([]);
    const assigned = ids(await board("?assignee=mine"));
    expect(assigned).toContain(mine.id);
    const owners = await prisma.idea.findMany({ where: { id: { in: assigned } }, select: { assigneeId: true } });
    expect(owners.every((o) => o.assigneeId === people.FACILITATOR.id)).toBe(true);
    expect(ids(await board("?assignee=mine", people.ADMIN))).not.toContain(mine.id);
  });
});
