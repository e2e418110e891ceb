// The board: columns of cards, and every command that moves or triages an idea. Each command
// checks permission, checks the card's version (no silent overwrite), and writes its event in
// the same transaction as the change.
import type { Prisma } from "~/generated/prisma/client";
import { recordEvent, type Tx } from "~/modules/idea/events.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { type Locale, localName } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { foldForSearch } from "~/utils/text";
import type { BoardFilters, ManageValue } from "./board.schema";
import { placeAt } from "./ordering";
import { missingForGate } from "~/modules/experiment/experiment.server";
import { COLUMN_PAGE, MAX_SHOWN, isClosedKind } from "./columns";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CommandError = { ok: false; status: 400 | 409; field?: string; message: string; link?: string };
export type CommandResult = { ok: true; ideaId: number } | CommandError;
const fail = (status: 400 | 409, message: string, field?: string): CommandError => ({ ok: false, status, field, message });

function boardWhere(user: SessionUser, filters: BoardFilters): Prisma.IdeaWhereInput {
  const where: Prisma.IdeaWhereInput = { status: "ACTIVE" };
  if (filters.institution) where.institutionId = filters.institution;
  if (filters.principle) where.principles = { some: { principle: { key: filters.principle } } };
  if (filters.assignee === "mine") where.assigneeId = user.id;
  const q = filters.q ? foldForSearch(filters.q) : "";
  if (q) where.AND = q.split(/\s+/).filter(Boolean).slice(0, 8).map((word) => ({ searchText: { contains: word } }));
  return where;
}

const cardSelect = {
  id: true,
  title: true,
  version: true,
  stageEnteredAt: true,
  institution: { select: { nameLv: true, nameEn: true } },
  assignee: { select: { name: true } },
  principles: { select: { principle: { select: { key: true, position: true } } } },
  _count: { select: { experiments: true, supports: true } },
} satisfies Prisma.IdeaSelect;

/** The columns in stage order, each with its count and its first cards (never the whole table). */
export async function getBoard(user: SessionUser, filters: BoardFilters, limits: Record<string, number>, locale: Locale, open: ReadonlySet<string> = new Set()) {
  if (!can(user, "board:view")) httpError(403);
  const where = boardWhere(user, filters);
  const [stages, counts] = await Promise.all([
    prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } }),
    prisma.idea.groupBy({ by: ["stageId"], where, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.stageId, c._count._all]));
  const now = Date.now();
  const columns = await Promise.all(
    stages.map(async (stage) => {
      // Closed columns start collapsed: their cards are read only when someone opens them.
      const collapsed = isClosedKind(stage.kind) && !open.has(stage.key);
      const take = collapsed ? 0 : Math.min(limits[stage.key] ?? COLUMN_PAGE, MAX_SHOWN);
      const rows = take ? await prisma.idea.findMany({ where: { ...where, stageId: stage.id }, orderBy: [{ position: "asc" }, { id: "asc" }], take, select: cardSelect }) : [];
      return {
        key: stage.key,
        name: localName(locale, stage),
        kind: stage.kind,
        wipLimit: stage.wipLimit,
        count: countOf.get(stage.id) ?? 0,
        collapsed,
        shown: take,
        cards: rows.map((r) => ({
          id: r.id,
          title: r.title,
          version: r.version,
          institution: localName(locale, r.institution),
          assignee: r.assignee?.name ?? null,
          principles: r.principles.map((p) => p.principle).sort((a, b) => a.position - b.position).map((p) => p.key),
          days: r.stageEnteredAt ? Math.max(0, Math.floor((now - r.stageEnteredAt.getTime()) / DAY_MS)) : 0,
          experiments: r._count.experiments,
          supports: r._count.supports,
        })),
      };
    }),
  );
  return { columns };
}
export type BoardData = Awaited<ReturnType<typeof getBoard>>;
export type BoardColumn = BoardData["columns"][number];
export type BoardCard = BoardColumn["cards"][number];

/** Places the card at `index` of the stage's column (the end when undefined), renumbering if needed. */
async function placeCard(tx: Tx, ideaId: number, stageId: number, index: number | undefined) {
  const others = await tx.idea.count({ where: { stageId, id: { not: ideaId } } });
  const at = index ?? others;
  if (at < 0 || at > others) return null;
  const neighbours = await tx.idea.findMany({
    where: { stageId, id: { not: ideaId } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    skip: Math.max(at - 1, 0),
    take: at > 0 ? 2 : 1,
    select: { id: true, position: true },
  });
  const before = at > 0 ? neighbours[0] : undefined;
  const after = at > 0 ? neighbours[1] : neighbours[0];
  const local = placeAt(
    [before, after].filter(Boolean).map((n) => n!.id),
    [before, after].filter(Boolean).map((n) => n!.position ?? 0),
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
  const placement = placeAt(column.map((c) => c.id), column.map((c) => c.position ?? 0), at, ideaId);
  if (placement.kind === "renumber") {
    for (const [id, position] of placement.positions) {
      if (id !== ideaId) await tx.idea.update({ where: { id }, data: { position } });
    }
  }
  return placement.position;
}

type MoveInput = { ideaId: number; version: number; stage: string; position?: number; closingNote?: string };

/** Moves a card to a stage and position (1-based; the end when omitted). */
export async function moveIdea(user: SessionUser, input: MoveInput): Promise<CommandResult> {
  if (!can(user, "idea:move")) httpError(403);
  return prisma.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({
      where: { id: input.ideaId },
      select: { id: true, status: true, stageId: true, version: true, stage: { select: { kind: true } } },
    });
    if (!idea) httpError(404);
    if (idea.status !== "ACTIVE" || idea.stageId === null) return fail(400, "board:errors.notOnBoard");
    const target = await tx.stage.findFirst({ where: { key: input.stage, archivedAt: null } });
    if (!target) return fail(400, "board:errors.unknownStage", "stage");
    if (idea.version !== input.version) return fail(409, "board:errors.conflict");
    const closing = isClosedKind(target.kind) && !isClosedKind(idea.stage?.kind);
    if (closing && !can(user, "idea:close")) httpError(403);
    const note = input.closingNote?.trim();
    if (closing && !note) return fail(400, "board:errors.closingNoteRequired", "closingNote");
    // Stage gates (switchable per stage by admins), for every way of moving.
    if (target.gateEnabled && target.id !== idea.stageId) {
      const missing = await missingForGate(tx, idea.id, target.key);
      if (missing) return { ...fail(400, missing.message), link: missing.link };
    }
    const position = await placeCard(tx, idea.id, target.id, input.position === undefined ? undefined : input.position - 1);
    if (position === null) return fail(400, "board:errors.unknownPosition", "position");
    const changedStage = target.id !== idea.stageId;
    const now = new Date();
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
    await recordEvent(tx, {
      ideaId: idea.id,
      actorId: user.id,
      type: changedStage ? "MOVED" : "REORDERED",
      fromStageId: idea.stageId,
      toStageId: target.id,
      data: closing ? { closingNote: note } : undefined,
      at: now,
    });
    return { ok: true, ideaId: idea.id };
  });
}

/** An idea in the intake column, at the version the facilitator saw. */
async function requireIntake(tx: Tx, ideaId: number, version: number) {
  const idea = await tx.idea.findUnique({ where: { id: ideaId }, select: { id: true, status: true, stageId: true, version: true, stage: { select: { kind: true } } } });
  if (!idea) httpError(404);
  if (idea.status !== "ACTIVE" || idea.stage?.kind !== "INTAKE") return { error: fail(400, "board:errors.notInIntake") };
  if (idea.version !== version) return { error: fail(409, "board:errors.conflict") };
  return { idea };
}

export async function manageIdea(user: SessionUser, value: ManageValue): Promise<CommandResult> {
  switch (value.intent) {
    case "move":
      return moveIdea(user, value);
    case "accept": {
      if (!can(user, "idea:triage")) httpError(403);
      const stage = await prisma.stage.findFirst({ where: { key: value.stage, archivedAt: null } });
      if (!stage || stage.kind !== "WORK") return fail(400, "board:errors.unknownStage", "stage");
      const check = await prisma.$transaction((tx) => requireIntake(tx, value.ideaId, value.version));
      if ("error" in check) return check.error!;
      return moveIdea(user, { ideaId: value.ideaId, version: value.version, stage: stage.key });
    }
    case "return":
    case "decline": {
      if (!can(user, "idea:triage")) httpError(403);
      return prisma.$transaction(async (tx) => {
        const check = await requireIntake(tx, value.ideaId, value.version);
        if ("error" in check) return check.error!;
        const returning = value.intent === "return";
        const toStatus = returning ? "NEEDS_INFO" : "DECLINED";
        const updated = await tx.idea.updateMany({
          where: { id: value.ideaId, version: value.version },
          data: {
            status: toStatus,
            stageId: null,
            position: null,
            stageEnteredAt: null,
            version: { increment: 1 },
            ...(returning ? { returnQuestion: value.question } : { declineReason: value.reason }),
          },
        });
        if (updated.count === 0) return fail(409, "board:errors.conflict");
        await recordEvent(tx, {
          ideaId: value.ideaId,
          actorId: user.id,
          type: returning ? "RETURNED" : "DECLINED",
          fromStageId: check.idea!.stageId,
          fromStatus: "ACTIVE",
          toStatus,
          data: returning ? { question: value.question } : { reason: value.reason },
        });
        return { ok: true as const, ideaId: value.ideaId };
      });
    }
    case "assign": {
      if (!can(user, "idea:assign")) httpError(403);
      const assignee = value.assigneeId
        ? await prisma.user.findFirst({ where: { id: value.assigneeId, active: true, role: { in: ["FACILITATOR", "ADMIN"] } }, select: { id: true, name: true } })
        : null;
      if (value.assigneeId && !assignee) return fail(400, "board:errors.unknownAssignee", "assigneeId");
      return changeIdea(user, value.ideaId, value.version, { assigneeId: assignee?.id ?? null }, (tx) =>
        recordEvent(tx, { ideaId: value.ideaId, actorId: user.id, type: "ASSIGNED", data: { assigneeId: assignee?.id ?? null, assignee: assignee?.name ?? null } }),
      );
    }
    case "tags": {
      if (!can(user, "idea:tag")) httpError(403);
      const principles = await prisma.principle.findMany({ where: { key: { in: value.principles } } });
      return changeIdea(user, value.ideaId, value.version, {}, async (tx) => {
        const before = await tx.ideaPrinciple.findMany({ where: { ideaId: value.ideaId }, select: { principle: { select: { key: true } } } });
        await tx.ideaPrinciple.deleteMany({ where: { ideaId: value.ideaId } });
        await tx.ideaPrinciple.createMany({ data: principles.map((p) => ({ ideaId: value.ideaId, principleId: p.id, confirmed: true })) });
        await recordEvent(tx, {
          ideaId: value.ideaId,
          actorId: user.id,
          type: "TAGGED",
          data: { before: before.map((b) => b.principle.key), after: principles.map((p) => p.key) },
        });
      });
    }
  }
}

/** A versioned change of a non-draft idea, with its event, in one transaction. */
async function changeIdea(
  user: SessionUser,
  ideaId: number,
  version: number,
  data: Prisma.IdeaUncheckedUpdateManyInput,
  after: (tx: Tx) => Promise<unknown>,
): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({ where: { id: ideaId }, select: { status: true, version: true } });
    if (!idea || idea.status === "DRAFT") httpError(404);
    const updated = await tx.idea.updateMany({ where: { id: ideaId, version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return fail(409, "board:errors.conflict");
    await after(tx);
    return { ok: true as const, ideaId };
  });
}

/** What the manage page needs: the idea's place, the stages, the facilitators and the principles. */
export async function getManageData(user: SessionUser, ideaId: number, locale: Locale) {
  if (!can(user, "idea:move") && !can(user, "idea:triage")) httpError(403);
  const idea = await prisma.idea.findFirst({
    where: { id: ideaId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      assigneeId: true,
      closingNote: true,
      stage: { select: { key: true, kind: true, nameLv: true, nameEn: true } },
      principles: { select: { principle: { select: { key: true } } } },
    },
  });
  if (!idea) httpError(404);
  const [stages, facilitators, principles] = await Promise.all([
    prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } }),
    prisma.user.findMany({ where: { active: true, role: { in: ["FACILITATOR", "ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
  ]);
  const columnSizes = await prisma.idea.groupBy({ by: ["stageId"], where: { status: "ACTIVE" }, _count: { _all: true } });
  const sizeOf = new Map(columnSizes.map((c) => [c.stageId, c._count._all]));
  const name = (s: { nameLv: string; nameEn: string }) => localName(locale, s);
  return {
    idea: {
      id: idea.id,
      title: idea.title,
      status: idea.status,
      version: idea.version,
      assigneeId: idea.assigneeId,
      stage: idea.stage ? { key: idea.stage.key, kind: idea.stage.kind, name: name(idea.stage) } : null,
      principles: idea.principles.map((p) => p.principle.key),
    },
    stages: stages.map((s) => ({ key: s.key, name: name(s), kind: s.kind, size: sizeOf.get(s.id) ?? 0 })),
    facilitators,
    principles: principles.map((p) => ({ key: p.key, title: locale === "en" ? p.titleEn : p.titleLv })),
  };
}
