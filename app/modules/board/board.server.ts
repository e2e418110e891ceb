// The board: columns of cards, and every command that moves or triages an idea. Each command
// checks the card's version (no silent overwrite) and emits its event in the same transaction as
// the change; the gates of docs/domain.md hold for every way of moving.
import { Prisma } from "~/generated/prisma/client";
import { command, type CommandContext } from "~/core/command.server";
import { fail, ok, type Result } from "~/core/result";
import { BRIEF_SELECT, briefOf } from "~/modules/idea/brief";
import { PLACING } from "~/modules/idea/events";
import { endOfColumn } from "~/modules/idea/idea.server";
import { ideaConditions, principleKeys } from "~/modules/idea/idea-queries.server";
import { ideaTextCondition } from "~/modules/idea/search.server";
import { missingForGate } from "~/modules/stage/gates.server";
import { isClosedKind } from "~/modules/stage/kinds";
import { activeStages } from "~/modules/stage/stages.server";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { type Locale, localName } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { dropUnknown, formValues, parseFilters } from "~/utils/query";
import { searchStems } from "~/utils/text";
import { BoardFiltersSchema, type BoardFilters, type MoveValue, type ReturnStep } from "./board.schema";
import { COLUMN_PAGE, MAX_SHOWN } from "./columns";
import { placeAt } from "./ordering";
import { canMergeFrom, mergeCandidates } from "./merge.server";
import { keptStageCounts } from "./stage-counts.server";

const DAY_MS = 24 * 60 * 60 * 1000;

// The board's page checks no form in the browser: its action reads the move's schema from here, a
// server module, so the board's JavaScript carries no validation library (decision record 0004).
export { MoveSchema } from "./board.schema";

/** Filters, "show more" counts and opened closed columns from the board's URL. */
export function parseBoardQuery(params: URLSearchParams, known: { institutions: { id: number }[] }) {
  const { filters, invalid } = parseFilters(BoardFiltersSchema, params);
  dropUnknown(filters, invalid, "institution", (id: number) => known.institutions.some((i) => i.id === id));
  const limits: Record<string, number> = {};
  for (const [key, value] of params) {
    if (!key.startsWith("show_")) continue;
    const n = Number(value);
    if (Number.isInteger(n) && n > COLUMN_PAGE) limits[key.slice(5)] = Math.min(n, MAX_SHOWN);
  }
  const open = new Set((params.get("open") ?? "").split(",").filter(Boolean));
  return { filters: filters as BoardFilters, limits, open, values: formValues(filters), invalid };
}

// The board's filters as one SQL condition over "Idea" i, shared by the cards and the filtered
// counts. Plain SQL that SQLite and PostgreSQL both read; values are bound, never spliced.
export async function boardFilter(user: Pick<SessionUser, "id">, filters: BoardFilters): Promise<Prisma.Sql> {
  const parts = [Prisma.sql`i."status" = 'ACTIVE'`, ...ideaConditions(filters)];
  if (filters.assignee === "mine") parts.push(Prisma.sql`i."assigneeId" = ${user.id}`);
  // Every stem of the query begins a word of the idea (the ranked index, as the ideas list finds them).
  const text = await ideaTextCondition(filters.q);
  if (text) parts.push(text);
  return Prisma.join(parts, " AND ");
}

type CardRow = {
  col: number | bigint;
  id: number;
  title: string;
  language: string;
  version: number;
  stageEnteredAt: string | Date | null;
  nameLv: string;
  nameEn: string;
  assignee: string | null;
  supports: number | bigint;
  experiments: number | bigint;
};

/**
 * The first cards of every open column in one statement: each column's page in its order
 * (Idea_stageId_position_idx), with the institution and assignee joined on their keys and the
 * support and experiment counts as one index search per card. Never a count over a whole table.
 */
export function cardsQuery(filter: Prisma.Sql, pages: { stageId: number; take: number }[]) {
  const union = Prisma.join(
    pages.map(
      ({ stageId, take }, col) =>
        Prisma.sql`SELECT * FROM (SELECT ${Prisma.raw(String(col))} AS "col", i."id", i."title", i."language", i."version", i."stageEnteredAt", i."institutionId", i."assigneeId", i."position"
          FROM "Idea" i WHERE ${filter} AND i."stageId" = ${stageId} ORDER BY i."position", i."id" LIMIT ${take}) AS "page${Prisma.raw(String(col))}"`,
    ),
    " UNION ALL ",
  );
  return Prisma.sql`SELECT c."col", c."id", c."title", c."language", c."version", c."stageEnteredAt", inst."nameLv", inst."nameEn", u."name" AS "assignee",
      (SELECT COUNT(*) FROM "Support" s WHERE s."ideaId" = c."id") AS "supports",
      (SELECT COUNT(*) FROM "Experiment" e WHERE e."ideaId" = c."id") AS "experiments"
    FROM (${union}) AS c JOIN "Institution" inst ON inst."id" = c."institutionId" LEFT JOIN "User" u ON u."id" = c."assigneeId"
    ORDER BY c."col", c."position", c."id"`;
}

async function readCards(filter: Prisma.Sql, pages: { stageId: number; take: number }[]) {
  return pages.length ? prisma.$queryRaw<CardRow[]>(cardsQuery(filter, pages)) : [];
}

export const countsQuery = (filter: Prisma.Sql) => Prisma.sql`SELECT i."stageId", COUNT(*) AS "ideas" FROM "Idea" i WHERE ${filter} GROUP BY i."stageId"`;

/** Ideas on the board per stage: the kept counts when unfiltered, counted from Idea for a filter. */
async function columnCounts(filter: Prisma.Sql, filtered: boolean): Promise<Map<number | null, number>> {
  if (!filtered) return keptStageCounts();
  const rows = await prisma.$queryRaw<
    { stageId: number; ideas: number | bigint }[]
  >`SELECT i."stageId", COUNT(*) AS "ideas" FROM "Idea" i WHERE ${filter} GROUP BY i."stageId"`;
  return new Map(rows.map((r) => [Number(r.stageId), Number(r.ideas)]));
}

/** The columns in stage order, each with its count and its first cards (never the whole table). */
export async function getBoard(
  user: SessionUser,
  filters: BoardFilters,
  limits: Record<string, number>,
  locale: Locale,
  open: ReadonlySet<string> = new Set(),
) {
  requirePermission(user, "board:view");
  const filter = await boardFilter(user, filters);
  const filtered = Boolean(filters.institution || filters.principle || filters.assignee || searchStems(filters.q).length);
  const [stages, countOf] = await Promise.all([activeStages(), columnCounts(filter, filtered)]);
  const now = Date.now();
  // Closed columns start collapsed: their cards are read only when someone opens them.
  const shape = stages.map((stage) => {
    const collapsed = isClosedKind(stage.kind) && !open.has(stage.key);
    return { stage, collapsed, take: collapsed ? 0 : Math.min(limits[stage.key] ?? COLUMN_PAGE, MAX_SHOWN) };
  });
  const pages = shape.flatMap((s, index) => (s.take ? [{ index, stageId: s.stage.id, take: s.take }] : []));
  const rows = await readCards(filter, pages);
  const principles = await principleKeys(rows.map((r) => Number(r.id)));
  const cardsOf = shape.map(() => [] as BoardCard[]);
  for (const r of rows) {
    const id = Number(r.id);
    cardsOf[pages[Number(r.col)].index].push({
      id,
      title: r.title,
      language: r.language === "en" ? ("en" as const) : ("lv" as const),
      version: Number(r.version),
      institution: localName(locale, r),
      assignee: r.assignee,
      principles: principles.get(id) ?? [],
      days: r.stageEnteredAt ? Math.max(0, Math.floor((now - new Date(r.stageEnteredAt).getTime()) / DAY_MS)) : 0,
      experiments: Number(r.experiments),
      supports: Number(r.supports),
    });
  }
  const columns = shape.map(({ stage, collapsed, take }, i) => ({
    key: stage.key,
    name: localName(locale, stage),
    kind: stage.kind,
    wipLimit: stage.wipLimit,
    count: countOf.get(stage.id) ?? 0,
    collapsed,
    shown: take,
    cards: cardsOf[i],
  }));
  return { columns, stems: searchStems(filters.q) };
}

/** One card on the board: what the browser needs of it, and nothing more. */
export type BoardCard = {
  id: number;
  title: string;
  /** The language the idea is written in: its title is marked with it. */
  language: "lv" | "en";
  version: number;
  institution: string;
  assignee: string | null;
  principles: string[];
  days: number;
  experiments: number;
  supports: number;
};
export type BoardData = Awaited<ReturnType<typeof getBoard>>;
export type BoardColumn = BoardData["columns"][number];

/**
 * Places the card at `index` of the stage's column (the end when undefined), renumbering if needed.
 * The column is locked first (a no-op write to its stage row, held to the end of the transaction):
 * on PostgreSQL two moves into one column, from any process, then take turns instead of reading the
 * same neighbours and writing the same position; on SQLite it makes the transaction the writer at once.
 */
async function placeCard(tx: Tx, ideaId: number, stageId: number, index: number | undefined) {
  await tx.$executeRaw`UPDATE "Stage" SET "id" = "id" WHERE "id" = ${stageId}`;
  const others = await tx.idea.count({ where: { stageId, id: { not: ideaId } } });
  const at = index ?? others;
  if (at < 0 || at > others) return null;
  if (index === undefined) return endOfColumn(tx, stageId);
  const neighbours = await tx.idea.findMany({
    where: { stageId, id: { not: ideaId } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    skip: Math.max(at - 1, 0),
    take: at > 0 ? 2 : 1,
    select: { id: true, position: true },
  });
  const before = at > 0 ? neighbours[0] : undefined;
  const after = at > 0 ? neighbours[1] : neighbours[0];
  const around = [before, after].filter((n) => n !== undefined);
  const local = placeAt(
    around.map((n) => n.id),
    around.map((n) => n.position ?? 0),
    before ? 1 : 0,
    ideaId,
  );
  if (local.kind === "insert") return local.position;
  // No room between the neighbours: renumber the whole column with the card in place.
  const column = await tx.idea.findMany({
    where: { stageId, id: { not: ideaId } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  const placement = placeAt(
    column.map((c) => c.id),
    column.map((c) => c.position ?? 0),
    at,
    ideaId,
  );
  if (placement.kind === "renumber") {
    const moved = [...placement.positions].filter(([id]) => id !== ideaId);
    // One statement per 1,000 cards (both engines read VALUES' columns as column1, column2).
    for (let start = 0; start < moved.length; start += 1000) {
      const rows = Prisma.join(moved.slice(start, start + 1000).map(([id, position]) => Prisma.sql`(${id}, ${position})`));
      await tx.$executeRaw`UPDATE "Idea" SET "position" = CAST(v."column2" AS INTEGER) FROM (VALUES ${rows}) AS v WHERE "Idea"."id" = CAST(v."column1" AS INTEGER)`;
    }
  }
  return placement.position;
}

type MoveInput = Omit<MoveValue, "intent">;

/** Moves a card to a stage and position (1-based; the end when omitted): the step every way of moving shares. */
async function moveCard({ tx, actor, emit, now }: CommandContext<SessionUser>, input: MoveInput): Promise<Result<{ ideaId: number }>> {
  const idea = await tx.idea.findUnique({
    where: { id: input.ideaId },
    select: { id: true, status: true, stageId: true, version: true, stage: { select: { kind: true } } },
  });
  if (!idea) return fail(404);
  if (idea.status !== "ACTIVE" || idea.stageId === null) return fail(400, "board:errors.notOnBoard");
  const target = await tx.stage.findFirst({ where: { key: input.stage, archivedAt: null } });
  if (!target) return fail(400, { stage: "board:errors.unknownStage" });
  if (idea.version !== input.version) return fail(409, "board:errors.conflict");
  const closing = isClosedKind(target.kind) && !isClosedKind(idea.stage?.kind);
  if (closing && !can(actor, "idea:close")) return fail(403);
  const note = input.closingNote?.trim();
  if (closing && !note) return fail(400, { closingNote: "board:errors.closingNoteRequired" });
  // Stage gates (switchable per stage by admins), for every way of moving.
  if (target.gateEnabled && target.id !== idea.stageId) {
    const missing = await missingForGate(tx, idea.id, target.key);
    if (missing) return fail(400, missing.message, missing.link);
  }
  const position = await placeCard(tx, idea.id, target.id, input.position === undefined ? undefined : input.position - 1);
  if (position === null) return fail(400, { position: "board:errors.unknownPosition" });
  const changedStage = target.id !== idea.stageId;
  const updated = await tx.idea.updateMany({
    where: { id: idea.id, version: input.version },
    data: {
      stageId: target.id,
      position,
      version: { increment: 1 },
      ...(changedStage ? { stageEnteredAt: now } : {}),
      ...(closing ? { closingNote: note, closedAt: now } : {}),
      ...(changedStage && !isClosedKind(target.kind) ? { closedAt: null } : {}),
    },
  });
  if (updated.count === 0) return fail(409, "board:errors.conflict");
  await emit({
    kind: "idea",
    type: changedStage ? "MOVED" : "REORDERED",
    ideaId: idea.id,
    actorId: actor.id,
    fromStageId: idea.stageId,
    toStageId: target.id,
    data: closing ? { closingNote: note } : undefined,
  });
  return ok({ ideaId: idea.id });
}

/** Moves a card (drag and drop, keyboard, or the "Move to…" form). */
export const moveIdea = command<MoveInput, { ideaId: number }, SessionUser>({
  permission: "idea:move",
  run: (ctx, input) => moveCard(ctx, input),
});

/** An idea in the intake column, at the version the facilitator saw. */
async function intakeIdea(tx: Tx, ideaId: number, version: number) {
  const idea = await tx.idea.findUnique({
    where: { id: ideaId },
    select: { id: true, status: true, stageId: true, version: true, stage: { select: { kind: true } } },
  });
  if (!idea) return fail(404);
  if (idea.status !== "ACTIVE" || idea.stage?.kind !== "INTAKE") return fail(400, "board:errors.notInIntake");
  if (idea.version !== version) return fail(409, "board:errors.conflict");
  return ok(idea);
}

/** Triage: take the idea in, into a work stage. */
export const acceptIdea = command<{ ideaId: number; version: number; stage: string }, { ideaId: number }, SessionUser>({
  permission: "idea:triage",
  async run(ctx, input) {
    const stage = await ctx.tx.stage.findFirst({ where: { key: input.stage, archivedAt: null } });
    if (!stage || stage.kind !== "WORK") return fail(400, { stage: "board:errors.unknownStage" });
    const intake = await intakeIdea(ctx.tx, input.ideaId, input.version);
    if (!intake.ok) return intake;
    return moveCard(ctx, { ideaId: input.ideaId, version: input.version, stage: stage.key });
  },
});

/** Triage: send the idea back to its author with a question (about one step of the brief, if chosen), or decline it with a reason. */
function leaveIntake(outcome: "return" | "decline") {
  return command<{ ideaId: number; version: number; text: string; step?: ReturnStep }, { ideaId: number }, SessionUser>({
    permission: "idea:triage",
    async run({ tx, actor, emit }, input) {
      const intake = await intakeIdea(tx, input.ideaId, input.version);
      if (!intake.ok) return intake;
      const returning = outcome === "return";
      const toStatus = returning ? "NEEDS_INFO" : "DECLINED";
      const updated = await tx.idea.updateMany({
        where: { id: input.ideaId, version: input.version },
        data: {
          status: toStatus,
          stageId: null,
          position: null,
          stageEnteredAt: null,
          version: { increment: 1 },
          ...(returning ? { returnQuestion: input.text } : { declineReason: input.text }),
        },
      });
      if (updated.count === 0) return fail(409, "board:errors.conflict");
      await emit({
        kind: "idea",
        type: returning ? "RETURNED" : "DECLINED",
        ideaId: input.ideaId,
        actorId: actor.id,
        fromStageId: intake.value.stageId,
        fromStatus: "ACTIVE",
        toStatus,
        // data.step: the step of the brief the question is about (the edit form opens it).
        data: returning ? { question: input.text, ...(input.step ? { step: input.step } : {}) } : { reason: input.text },
      });
      return ok({ ideaId: input.ideaId });
    },
  });
}
export const returnIdea = leaveIntake("return");
export const declineIdea = leaveIntake("decline");

/** Declining's first step, before "Yes, decline": may this person decline the idea now? Nothing changes. */
export const askDecline = command<{ ideaId: number; version: number }, { ideaId: number }, SessionUser>({
  permission: "idea:triage",
  async run({ tx }, input) {
    const intake = await intakeIdea(tx, input.ideaId, input.version);
    return intake.ok ? ok({ ideaId: input.ideaId }) : intake;
  },
});

/** Whether a decline (its event) can still be taken back: the idea is declined and has not been placed anywhere since. */
export async function declineUndoable(tx: Tx, ideaId: number, eventId: number) {
  const [idea, later] = await Promise.all([
    tx.idea.findUnique({ where: { id: ideaId }, select: { status: true } }),
    tx.event.findFirst({ where: { ideaId, id: { gt: eventId }, type: { in: [...PLACING] } }, select: { id: true } }),
  ]);
  return idea?.status === "DECLINED" && !later;
}

/**
 * Takes a decline back (from the idea's history): the idea returns to the intake stage it was
 * declined from, at the end of the column, as it was before. Refused with a 409 when the idea has
 * been placed anywhere since (withdrawn, or the decline already undone).
 */
export const undoDecline = command<{ ideaId: number; eventId: number }, { ideaId: number }, SessionUser>({
  permission: "idea:triage",
  async run({ tx, actor, emit, now }, input) {
    const decline = await tx.event.findFirst({
      where: { id: input.eventId, ideaId: input.ideaId, type: "DECLINED" },
      select: { id: true, fromStageId: true, data: true },
    });
    if (!decline) return fail(404);
    if (!(await declineUndoable(tx, input.ideaId, decline.id))) return fail(409, "board:manageErrors.undoLate");
    const from = decline.fromStageId ? await tx.stage.findFirst({ where: { id: decline.fromStageId, kind: "INTAKE", archivedAt: null } }) : null;
    const stage = from ?? (await tx.stage.findFirst({ where: { kind: "INTAKE", archivedAt: null }, orderBy: { position: "asc" } }));
    if (!stage) return fail(409, "board:manageErrors.undoLate");
    const updated = await tx.idea.updateMany({
      where: { id: input.ideaId, status: "DECLINED" },
      data: {
        status: "ACTIVE",
        stageId: stage.id,
        position: await endOfColumn(tx, stage.id),
        stageEnteredAt: now,
        declineReason: null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) return fail(409, "board:manageErrors.undoLate");
    await emit({
      kind: "idea",
      type: "DECLINE_UNDONE",
      ideaId: input.ideaId,
      actorId: actor.id,
      toStageId: stage.id,
      fromStatus: "DECLINED",
      toStatus: "ACTIVE",
      data: { declineEventId: decline.id },
    });
    return ok({ ideaId: input.ideaId });
  },
});

/** A versioned change of a non-draft idea (the row's version moves on), or why not. */
async function bumpVersion(tx: Tx, ideaId: number, version: number) {
  const idea = await tx.idea.findUnique({ where: { id: ideaId }, select: { status: true } });
  if (!idea || idea.status === "DRAFT") return fail(404);
  const updated = await tx.idea.updateMany({ where: { id: ideaId, version }, data: { version: { increment: 1 } } });
  return updated.count === 0 ? fail(409, "board:errors.conflict") : ok();
}

/** Assigns a facilitator (or nobody) to the idea. */
export const assignIdea = command<{ ideaId: number; version: number; assigneeId?: number }, { ideaId: number }, SessionUser>({
  permission: "idea:assign",
  async run({ tx, actor, emit }, input) {
    const assignee = input.assigneeId
      ? await tx.user.findFirst({ where: { id: input.assigneeId, active: true, role: { in: ["FACILITATOR", "ADMIN"] } }, select: { id: true, name: true } })
      : null;
    if (input.assigneeId && !assignee) return fail(400, { assigneeId: "board:errors.unknownAssignee" });
    const bumped = await bumpVersion(tx, input.ideaId, input.version);
    if (!bumped.ok) return bumped;
    await tx.idea.update({ where: { id: input.ideaId }, data: { assigneeId: assignee?.id ?? null } });
    await emit({
      kind: "idea",
      type: "ASSIGNED",
      ideaId: input.ideaId,
      actorId: actor.id,
      data: { assigneeId: assignee?.id ?? null, assignee: assignee?.name ?? null },
    });
    return ok({ ideaId: input.ideaId });
  },
});

/** Confirms the idea's OECD principles (as a facilitator read them). */
export const tagIdea = command<{ ideaId: number; version: number; principles: string[] }, { ideaId: number }, SessionUser>({
  permission: "idea:tag",
  async run({ tx, actor, emit }, input) {
    const principles = await tx.principle.findMany({ where: { key: { in: input.principles } } });
    const bumped = await bumpVersion(tx, input.ideaId, input.version);
    if (!bumped.ok) return bumped;
    const before = await tx.ideaPrinciple.findMany({ where: { ideaId: input.ideaId }, select: { principle: { select: { key: true } } } });
    await tx.ideaPrinciple.deleteMany({ where: { ideaId: input.ideaId } });
    await tx.ideaPrinciple.createMany({ data: principles.map((p) => ({ ideaId: input.ideaId, principleId: p.id, confirmed: true })) });
    await emit({
      kind: "idea",
      type: "TAGGED",
      ideaId: input.ideaId,
      actorId: actor.id,
      data: { before: before.map((b) => b.principle.key), after: principles.map((p) => p.key) },
    });
    return ok({ ideaId: input.ideaId });
  },
});

/** What the manage page needs: the idea's place and brief, the stages, the facilitators and the principles. */
export async function getManageData(user: SessionUser, ideaId: number, locale: Locale) {
  invariantResponse(can(user, "idea:move") || can(user, "idea:triage"), 403);
  const idea = await prisma.idea.findFirst({
    where: { id: ideaId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      assigneeId: true,
      closingNote: true,
      language: true,
      ...BRIEF_SELECT,
      stage: { select: { key: true, kind: true, nameLv: true, nameEn: true } },
      principles: { select: { principle: { select: { key: true } } } },
    },
  });
  invariantResponse(idea, 404);
  const [stages, facilitators, principles, columnSizes] = await Promise.all([
    activeStages(),
    prisma.user.findMany({ where: { active: true, role: { in: ["FACILITATOR", "ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
    keptStageCounts(),
  ]);
  const sizeOf = columnSizes;
  // Likely duplicates, for an idea that can be merged into another (in the intake or a work stage).
  const mergeable = canMergeFrom(idea);
  return {
    idea: {
      id: idea.id,
      title: idea.title,
      status: idea.status,
      version: idea.version,
      assigneeId: idea.assigneeId,
      stage: idea.stage ? { key: idea.stage.key, kind: idea.stage.kind, name: localName(locale, idea.stage) } : null,
      principles: idea.principles.map((p) => p.principle.key),
      brief: briefOf(idea),
      language: idea.language,
    },
    stages: stages.map((s) => ({ key: s.key, name: localName(locale, s), kind: s.kind, size: sizeOf.get(s.id) ?? 0 })),
    facilitators,
    principles: principles.map((p) => ({ key: p.key, title: localName(locale, p, "title") })),
    merge: mergeable ? await mergeCandidates(user, { id: idea.id, title: idea.title, ...briefOf(idea) }, locale) : null,
  };
}
export type ManageData = Awaited<ReturnType<typeof getManageData>>;
