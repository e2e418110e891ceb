import { beforeAll, describe, expect, test } from "vitest";
import { action as boardAction, loader as boardLoader } from "~/routes/board";
import { action as manageAction, loader as manageLoader } from "~/routes/ideas.$id_.manage";
import { loader as mineLoader } from "~/routes/ideas.mine";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { moveIdea } from "~/modules/board/board.server";
import { prisma } from "~/utils/db.server";
import { createUser } from "../factories/user";
import { sessionCookieFor } from "../factories/idea";
import { column, ideaInStage, validatedExperiment } from "../factories/board";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";

type Who = { id: number; cookie: string; role: "SUBMITTER" | "FACILITATOR" | "MANAGER" | "ADMIN" };
const people = {} as Record<Who["role"], Who>;
let author: Who;

beforeAll(async () => {
  for (const role of ["SUBMITTER", "FACILITATOR", "MANAGER", "ADMIN"] as const) {
    const user = await createUser({ role });
    people[role] = { id: user.id, cookie: await sessionCookieFor(user.id), role };
  }
  const a = await createUser({ role: "SUBMITTER" });
  author = { id: a.id, cookie: await sessionCookieFor(a.id), role: "SUBMITTER" };
});

const move = (fields: Record<string, string>, who: Who = people.FACILITATOR) =>
  run(boardAction, { request: formRequest("/board", { intent: "move", ...fields }, { cookie: who.cookie }) });
const manage = (ideaId: number, fields: Record<string, string | string[]>, who: Who = people.FACILITATOR) =>
  run(manageAction, { request: formRequest(`/ideas/${ideaId}/manage`, { ideaId: String(ideaId), ...fields }, { cookie: who.cookie }), params: { id: String(ideaId) } });
const sessionUser = (who: Who) => ({ id: who.id, email: "", name: "", role: who.role, locale: null, institutionId: 1 });

describe("moving cards", () => {
  test("facilitators and admins move; submitters and managers get 403 and the card stays", async () => {
    const idea = await ideaInStage("discover", author.id);
    for (const who of [people.SUBMITTER, people.MANAGER, author]) {
      const result = await move({ ideaId: String(idea.id), version: "1", stage: "define" }, who);
      expect(result.status, who.role).toBe(403);
    }
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { stage: true } })).stage?.key).toBe("discover");
    expect((await move({ ideaId: String(idea.id), version: "1", stage: "define" }, people.FACILITATOR)).data).toEqual({ ok: true });
    expect((await move({ ideaId: String(idea.id), version: "2", stage: "develop" }, people.ADMIN)).data).toEqual({ ok: true });
  });

  test("every move writes its event (from, to, actor) and resets the days in stage", async () => {
    const idea = await ideaInStage("discover", author.id);
    await prisma.idea.update({ where: { id: idea.id }, data: { stageEnteredAt: new Date(Date.now() - 9 * 86400000) } });
    await move({ ideaId: String(idea.id), version: "1", stage: "define", position: "1" });
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { events: { orderBy: { id: "desc" }, take: 1, include: { fromStage: true, toStage: true } } } });
    expect(after.version).toBe(2);
    expect(Date.now() - after.stageEnteredAt!.getTime()).toBeLessThan(60_000);
    expect(after.events[0]).toMatchObject({ type: "MOVED", actorId: people.FACILITATOR.id });
    expect(after.events[0].fromStage?.key).toBe("discover");
    expect(after.events[0].toStage?.key).toBe("define");
    // Reordering within a column is its own kind of event.
    await ideaInStage("define", author.id);
    await move({ ideaId: String(idea.id), version: "2", stage: "define", position: "2" });
    const reordered = await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id }, orderBy: { id: "desc" } });
    expect(reordered.type).toBe("REORDERED");
  });

  test("positions: to the top, between and to the end", async () => {
    const cards = [];
    await prisma.idea.updateMany({ where: { stage: { key: "develop" } }, data: { stageId: null, status: "WITHDRAWN" } });
    for (let i = 0; i < 3; i++) cards.push(await ideaInStage("develop", author.id));
    const mover = await ideaInStage("define", author.id);
    await move({ ideaId: String(mover.id), version: "1", stage: "develop", position: "2" });
    let ids = (await column("develop")).map((c) => c.id);
    expect(ids.indexOf(mover.id)).toBe(ids.indexOf(cards[0].id) + 1);
    await move({ ideaId: String(mover.id), version: "2", stage: "develop", position: "1" });
    ids = (await column("develop")).map((c) => c.id);
    expect(ids[0]).toBe(mover.id);
    await move({ ideaId: String(mover.id), version: "3", stage: "develop" });
    ids = (await column("develop")).map((c) => c.id);
    expect(ids.at(-1)).toBe(mover.id);
  });

  test("a stale version is refused with 409 and the card stays where the other facilitator put it", async () => {
    const idea = await ideaInStage("discover", author.id);
    expect((await move({ ideaId: String(idea.id), version: "1", stage: "define" })).status).toBe(200);
    const stale = await move({ ideaId: String(idea.id), version: "1", stage: "develop" }, people.ADMIN);
    expect(stale.status).toBe(409);
    expect(stale.data).toEqual({ ok: false, message: "board:errors.conflict" });
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { stage: true } })).stage?.key).toBe("define");
  });

  test.each([
    ["an unknown stage", { stage: "nowhere" }, 400],
    ["a position beyond the column", { stage: "define", position: "9999" }, 400],
    ["a position of zero", { stage: "define", position: "0" }, 400],
    ["a non-numeric version", { stage: "define", version: "abc" }, 400],
    ["a missing version", { stage: "define", version: "" }, 400],
  ])("%s answers %d and nothing moves", async (_name, fields, status) => {
    const idea = await ideaInStage("discover", author.id);
    const result = await move({ ideaId: String(idea.id), version: "1", ...fields });
    expect(result.status).toBe(status);
    expect((result.data as { ok: boolean }).ok).toBe(false);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { stage: true } });
    expect(after.stage?.key).toBe("discover");
    expect(after.version).toBe(1);
  });

  test("a draft cannot be moved; an unknown idea is a 404", async () => {
    const draft = await prisma.idea.create({ data: { title: "Melnraksts", authorId: author.id, institutionId: 1, status: "DRAFT" } });
    expect((await move({ ideaId: String(draft.id), version: "1", stage: "define" })).status).toBe(400);
    expect((await move({ ideaId: "99999999", version: "1", stage: "define" })).status).toBe(404);
  });

  test("moving into implemented or stopped asks for a closing note, which the idea then keeps", async () => {
    const idea = await ideaInStage("scale", author.id);
    await validatedExperiment(idea.id, people.FACILITATOR.id);
    const missing = await manage(idea.id, { intent: "move", version: "1", stage: "implemented" });
    expect(missing.status).toBe(400);
    expect((missing.data as { reply: { error: Record<string, string[]> } }).reply.error.closingNote).toEqual(["board:errors.closingNoteRequired"]);
    const ok = await manage(idea.id, { intent: "move", version: "1", stage: "implemented", closingNote: "Ieviests visās 5 nodaļās; zvanu skaits samazinājās par 30 %." });
    expect(ok.status).toBe(302);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after.closingNote).toBe("Ieviests visās 5 nodaļās; zvanu skaits samazinājās par 30 %.");
    expect(after.closedAt).not.toBeNull();
    const event = await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id, type: "MOVED" }, orderBy: { id: "desc" } });
    expect(JSON.parse(event.data!)).toEqual({ closingNote: after.closingNote });
  });

  test("twenty simultaneous moves into one column leave it consistent: no duplicate, none lost, twenty events", async () => {
    const target = await ideaInStage("define", author.id);
    const movers = [];
    for (let i = 0; i < 20; i++) movers.push(await ideaInStage("discover", author.id));
    const before = await column("define");
    const results = await Promise.all(
      movers.map((idea, i) => moveIdea(sessionUser(people.FACILITATOR), { ideaId: idea.id, version: 1, stage: "define", position: (i % 3) + 1 })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await column("define");
    expect(after).toHaveLength(before.length + 20);
    expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
    expect(new Set(after.map((c) => c.position)).size).toBe(after.length);
    expect(after.map((c) => c.id)).toContain(target.id);
    expect(await prisma.event.count({ where: { ideaId: { in: movers.map((m) => m.id) }, type: "MOVED" } })).toBe(20);
  });

  test("many moves to the same spot renumber the column and keep the order", async () => {
    const anchor = await ideaInStage("discover", author.id, { title: "Enkurs" });
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const idea = await ideaInStage("develop", author.id);
      const discover = await column("discover");
      const at = discover.findIndex((c) => c.id === anchor.id) + 2; // just after the anchor (1-based)
      const result = await moveIdea(sessionUser(people.FACILITATOR), { ideaId: idea.id, version: 1, stage: "discover", position: at });
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
    const result = await manage(idea.id, { intent: "accept", version: "1", stage: "discover" });
    expect(result.status).toBe(302);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id }, include: { stage: true } });
    expect(after.stage?.key).toBe("discover");
    expect((await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id }, orderBy: { id: "desc" } })).type).toBe("MOVED");
  });

  test("return with a question: the author sees it on My ideas and the idea page, and may edit", async () => {
    const idea = await ideaInStage("submitted", author.id);
    const empty = await manage(idea.id, { intent: "return", version: "1", question: " " });
    expect(empty.status).toBe(400);
    expect((await manage(idea.id, { intent: "return", version: "1", question: "Cik lietotāju to skar?" })).status).toBe(302);
    const after = await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(after).toMatchObject({ status: "NEEDS_INFO", stageId: null, returnQuestion: "Cik lietotāju to skar?" });
    const mine = (await run(mineLoader, { request: getRequest("/ideas/mine", author.cookie) })).data as { items: { id: number; waitingOnAuthor: string | null }[]; waiting: number };
    expect(mine.items.find((i) => i.id === idea.id)?.waitingOnAuthor).toBe("Cik lietotāju to skar?");
    expect(mine.waiting).toBeGreaterThanOrEqual(1);
    const page = (await run(ideaLoader, { request: getRequest(`/ideas/${idea.id}`, author.cookie), params: { id: String(idea.id) } })).data as { idea: { returnQuestion: string; can: { edit: boolean } } };
    expect(page.idea.returnQuestion).toBe("Cik lietotāju to skar?");
    expect(page.idea.can.edit).toBe(true);
    expect((await prisma.event.findFirstOrThrow({ where: { ideaId: idea.id }, orderBy: { id: "desc" } })).type).toBe("RETURNED");
  });

  test("decline with a reason the author sees", async () => {
    const idea = await ideaInStage("submitted", author.id);
    expect((await manage(idea.id, { intent: "decline", version: "1", reason: "Jau risina Valsts kanceleja." })).status).toBe(302);
    const page = (await run(ideaLoader, { request: getRequest(`/ideas/${idea.id}`, author.cookie), params: { id: String(idea.id) } })).data as { idea: { status: string; declineReason: string } };
    expect(page.idea).toMatchObject({ status: "DECLINED", declineReason: "Jau risina Valsts kanceleja." });
  });

  test("triage is only for the intake column and only for facilitators and admins", async () => {
    const working = await ideaInStage("define", author.id);
    expect((await manage(working.id, { intent: "decline", version: "1", reason: "Nē" })).status).toBe(400);
    const intake = await ideaInStage("submitted", author.id);
    for (const who of [people.SUBMITTER, people.MANAGER]) {
      expect((await manage(intake.id, { intent: "decline", version: "1", reason: "Nē" }, who)).status).toBe(403);
      expect((await run(manageLoader, { request: getRequest(`/ideas/${intake.id}/manage`, who.cookie), params: { id: String(intake.id) } })).status).toBe(403);
    }
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: intake.id } })).status).toBe("ACTIVE");
  });

  test("assign a facilitator (not a submitter), and confirm principle tags, each with an event", async () => {
    const idea = await ideaInStage("discover", author.id);
    expect((await manage(idea.id, { intent: "assign", version: "1", assigneeId: String(people.SUBMITTER.id) })).status).toBe(400);
    expect((await manage(idea.id, { intent: "assign", version: "1", assigneeId: String(people.FACILITATOR.id) })).status).toBe(302);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).assigneeId).toBe(people.FACILITATOR.id);
    expect((await manage(idea.id, { intent: "tags", version: "2", principles: [] })).status).toBe(400);
    expect((await manage(idea.id, { intent: "tags", version: "2", principles: ["test", "share"] })).status).toBe(302);
    const tags = await prisma.ideaPrinciple.findMany({ where: { ideaId: idea.id }, include: { principle: true } });
    expect(tags.map((t) => [t.principle.key, t.confirmed]).sort()).toEqual([["share", true], ["test", true]]);
    const types = (await prisma.event.findMany({ where: { ideaId: idea.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["ASSIGNED", "TAGGED"]);
    expect((await manage(idea.id, { intent: "assign", version: "1", assigneeId: "" })).status).toBe(409);
  });

  test("a tampered idea id in the form answers 400", async () => {
    const a = await ideaInStage("discover", author.id);
    const b = await ideaInStage("discover", author.id);
    const result = await run(manageAction, {
      request: formRequest(`/ideas/${a.id}/manage`, { intent: "move", ideaId: String(b.id), version: "1", stage: "define" }, { cookie: people.FACILITATOR.cookie }),
      params: { id: String(a.id) },
    });
    expect(result.status).toBe(400);
  });

  test("a version that is not a number answers 400 with a message for the whole form", async () => {
    const a = await ideaInStage("discover", author.id);
    const result = await manage(a.id, { intent: "move", version: "x", stage: "define" });
    expect(result.status).toBe(400);
    expect((result.data as { intent: string; reply: { error: Record<string, string[]> } }).reply.error[""]).toEqual(["board:errors.tampered"]);
  });
});

describe("the board page", () => {
  type Board = { canMove: boolean; columns: { key: string; count: number; cards: { id: number; title: string }[] }[] };
  const board = async (query = "", who: Who = people.FACILITATOR) => (await run(boardLoader, { request: getRequest(`/board${query}`, who.cookie) })).data as Board;

  test("columns follow the stages, and only facilitators and admins may move", async () => {
    const view = await board();
    expect(view.columns.map((c) => c.key)).toEqual(["submitted", "discover", "define", "develop", "test", "scale", "implemented", "stopped"]);
    expect(view.canMove).toBe(true);
    expect((await board("", people.ADMIN)).canMove).toBe(true);
    expect((await board("", people.SUBMITTER)).canMove).toBe(false);
    expect((await board("", people.MANAGER)).canMove).toBe(false);
  });

  test("a column shows 50 cards with the full count, and more on request", async () => {
    for (let i = 0; i < 55; i++) await ideaInStage("stopped", author.id);
    const collapsed = (await board()).columns.find((c) => c.key === "stopped")!;
    expect(collapsed.cards).toHaveLength(0);
    const first = (await board("?open=stopped")).columns.find((c) => c.key === "stopped")!;
    expect(first.cards).toHaveLength(50);
    expect(first.count).toBeGreaterThanOrEqual(55);
    expect(first.count).toBe(collapsed.count);
    const more = (await board("?open=stopped&show_stopped=100")).columns.find((c) => c.key === "stopped")!;
    expect(more.cards.length).toBe(Math.min(100, more.count));
  });

  test("filters: institution, text and assigned to me", async () => {
    const mine = await ideaInStage("develop", author.id, { title: "Mana ZĀĻU ideja", institutionCode: "ZVA" });
    await prisma.idea.update({ where: { id: mine.id }, data: { assigneeId: people.FACILITATOR.id } });
    const zva = await prisma.institution.findUniqueOrThrow({ where: { code: "ZVA" } });
    const ids = (b: Board) => b.columns.flatMap((c) => c.cards.map((x) => x.id));
    expect(ids(await board(`?institution=${zva.id}`))).toEqual([mine.id]);
    expect(ids(await board("?q=zalu"))).toContain(mine.id);
    const assigned = ids(await board("?assignee=mine"));
    expect(assigned).toContain(mine.id);
    const owners = await prisma.idea.findMany({ where: { id: { in: assigned } }, select: { assigneeId: true } });
    expect(owners.every((o) => o.assigneeId === people.FACILITATOR.id)).toBe(true);
    expect(ids(await board("?assignee=mine", people.ADMIN))).not.toContain(mine.id);
  });
});
