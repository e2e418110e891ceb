// Merging duplicate ideas at triage, and taking a merge back. An idea B (on the board, in the intake
// or a work stage) is merged into an open idea A: B's supporters become A's (counted once), B's
// author supports A too, B leaves the board with status MERGED and points to A, and its comments stay
// on it. The MERGED event on B records exactly what undoing needs to restore B; MERGED_IN on A is
// where the history offers the undo, which puts B back as it was and takes from A exactly the
// supports the merge added. Both are commands (one transaction with their events).
import { z } from "zod";
import { command, type CommandContext } from "~/core/command.server";
import { fail, ok, type Result } from "~/core/result";
import type { IdeaStatus, StageKind } from "~/generated/prisma/enums";
import { mergePartner } from "~/modules/idea/events";
import { endOfColumn } from "~/modules/idea/idea.server";
import { similarIdeas } from "~/modules/idea/search.server";
import { similarQueryOf } from "~/modules/idea/similar.schema";
import type { SessionUser } from "~/utils/auth.server";
import type { Tx } from "~/utils/db.server";
import { errorMessage, type Locale, localName } from "~/utils/i18n";

/** An idea that can be merged into another: on the board, in the intake or a work stage. */
export function canMergeFrom(idea: { status: IdeaStatus | string; stage: { kind: StageKind | string } | null }) {
  return idea.status === "ACTIVE" && (idea.stage?.kind === "INTAKE" || idea.stage?.kind === "WORK");
}

/** An idea others can be merged into: submitted and still open (not closed, declined, withdrawn or merged itself). */
export function canMergeInto(idea: { status: IdeaStatus | string; stage: { kind: StageKind | string } | null }) {
  if (idea.status === "NEEDS_INFO") return true;
  return canMergeFrom(idea);
}

const supportRow = z.object({ userId: z.number().int(), createdAt: z.string() });
type SupportRow = z.infer<typeof supportRow>;

/** What a MERGED event records: the idea it went into, B as it was, and every support row the merge touched. */
const MergeRecordSchema = z.object({
  intoId: z.number().int(),
  restore: z.object({
    stageId: z.number().int(),
    position: z.number().nullable(),
    stageEnteredAt: z.string().nullable(),
    assigneeId: z.number().int().nullable(),
  }),
  /** B's supports now on A, with their own createdAt. */
  moved: z.array(supportRow),
  /** B's supports taken away because the person already supported A (or wrote it): counted once. */
  dropped: z.array(supportRow),
  /** B's author, who now supports A too (unless they wrote A or supported it already). */
  authorAdded: supportRow.nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** A MERGED event's record, or null when its data is not one. */
export function readMergeRecord(data: string | null | undefined): MergeRecord | null {
  if (!data) return null;
  try {
    const parsed = MergeRecordSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type MergeInput = { ideaId: number; version: number; into: number };

const IDEA_SELECT = {
  id: true,
  title: true,
  language: true,
  status: true,
  version: true,
  authorId: true,
  stageId: true,
  position: true,
  stageEnteredAt: true,
  assigneeId: true,
  institution: { select: { nameLv: true, nameEn: true } },
  stage: { select: { key: true, kind: true, nameLv: true, nameEn: true } },
} as const;

/**
 * Whether B can be merged into A now, at the version the facilitator saw: B on the board in the
 * intake or a work stage (409), A a submitted open idea other than B (400 beside the number), the
 * version unchanged (409).
 */
async function checkMerge(tx: Tx, input: MergeInput) {
  const from = await tx.idea.findUnique({ where: { id: input.ideaId }, select: IDEA_SELECT });
  if (!from) return fail(404);
  if (!canMergeFrom(from)) return fail(409, "board:merge.errors.fromNotOpen");
  if (input.into === from.id) return fail(400, { into: "board:merge.errors.self" });
  const into = await tx.idea.findUnique({ where: { id: input.into }, select: IDEA_SELECT });
  // A draft is its author's alone: to anyone else it is no idea at all.
  if (!into || into.status === "DRAFT") return fail(400, { into: errorMessage("board:merge.errors.unknown", { id: input.into }) });
  if (!canMergeInto(into)) return fail(400, { into: errorMessage("board:merge.errors.intoClosed", { id: input.into }) });
  if (from.version !== input.version) return fail(409, "board:errors.conflict");
  return ok({ from, into });
}

/** Who moves where: B's supports split into those A gains and those already there, and B's author. */
async function planSupports(tx: Tx, from: { id: number; authorId: number }, into: { id: number; authorId: number }, now: Date) {
  const supports = await tx.support.findMany({ where: { ideaId: from.id }, select: { userId: true, createdAt: true }, orderBy: { userId: "asc" } });
  const already = new Set(
    (
      await tx.support.findMany({ where: { ideaId: into.id, userId: { in: [...supports.map((s) => s.userId), from.authorId] } }, select: { userId: true } })
    ).map((s) => s.userId),
  );
  const row = (s: { userId: number; createdAt: Date }): SupportRow => ({ userId: s.userId, createdAt: s.createdAt.toISOString() });
  const gains = (userId: number) => userId !== into.authorId && !already.has(userId);
  const moved = supports.filter((s) => gains(s.userId)).map(row);
  const dropped = supports.filter((s) => !gains(s.userId)).map(row);
  const authorAdded = gains(from.authorId) && !supports.some((s) => s.userId === from.authorId) ? row({ userId: from.authorId, createdAt: now }) : null;
  return { moved, dropped, authorAdded };
}

/** What the confirmation says will happen: the idea merged into, and how many supporters move. */
export type MergePreview = {
  into: { id: number; title: string; language: string; institution: string; status: IdeaStatus; stage: { key: string; name: string; kind: StageKind } | null };
  /** Supporters A gains (B's author among them). */
  moving: number;
  /** B's supporters who already support A: counted once. */
  shared: number;
  /** B's comments, which stay on B. */
  comments: number;
};

/** Merging's first step, before "Yes, merge": may B be merged into A now, and what would happen. Nothing changes. */
export const askMerge = command<MergeInput & { locale: Locale }, MergePreview, SessionUser>({
  permission: "idea:triage",
  async run({ tx, now }, input) {
    const checked = await checkMerge(tx, input);
    if (!checked.ok) return checked;
    const { from, into } = checked.value;
    const plan = await planSupports(tx, from, into, now);
    const comments = await tx.comment.count({ where: { ideaId: from.id, deletedAt: null } });
    return ok({
      into: {
        id: into.id,
        title: into.title,
        language: into.language,
        institution: localName(input.locale, into.institution),
        status: into.status,
        stage: into.stage ? { key: into.stage.key, name: localName(input.locale, into.stage), kind: into.stage.kind } : null,
      },
      moving: plan.moved.length + (plan.authorAdded ? 1 : 0),
      shared: plan.dropped.length,
      comments,
    });
  },
});

/** Merges idea B (`ideaId`, at `version`) into idea A (`into`). */
export const mergeIdeas = command<MergeInput, { ideaId: number; intoId: number }, SessionUser>({
  permission: "idea:triage",
  async run({ tx, actor, emit, now }, input) {
    // Both ideas are locked first, in the order of their ids, so two merges (B into A, A into B) or a
    // merge and a decline of A take turns on PostgreSQL instead of deadlocking; the checks then read
    // what the one before committed. (On SQLite the first write makes the transaction the writer.)
    for (const id of [...new Set([input.ideaId, input.into])].sort((a, b) => a - b))
      await tx.$executeRaw`UPDATE "Idea" SET "version" = "version" WHERE "id" = ${id}`;
    const checked = await checkMerge(tx, input);
    if (!checked.ok) return checked;
    const { from, into } = checked.value;
    const updated = await tx.idea.updateMany({
      where: { id: from.id, version: input.version, status: "ACTIVE" },
      data: { status: "MERGED", mergedIntoId: into.id, stageId: null, position: null, stageEnteredAt: null, assigneeId: null, version: { increment: 1 } },
    });
    if (updated.count === 0) return fail(409, "board:errors.conflict");
    const plan = await planSupports(tx, from, into, now);
    await tx.support.deleteMany({ where: { ideaId: from.id } });
    const gained = [...plan.moved, ...(plan.authorAdded ? [plan.authorAdded] : [])];
    if (gained.length) await tx.support.createMany({ data: gained.map((s) => ({ ideaId: into.id, userId: s.userId, createdAt: new Date(s.createdAt) })) });
    const record: MergeRecord = {
      intoId: into.id,
      restore: {
        stageId: from.stageId!,
        position: from.position,
        stageEnteredAt: from.stageEnteredAt?.toISOString() ?? null,
        assigneeId: from.assigneeId,
      },
      ...plan,
    };
    await emit({
      kind: "idea",
      type: "MERGED",
      ideaId: from.id,
      actorId: actor.id,
      fromStageId: from.stageId,
      fromStatus: "ACTIVE",
      toStatus: "MERGED",
      data: record,
    });
    await emit({ kind: "idea", type: "MERGED_IN", ideaId: into.id, actorId: actor.id, data: { mergedId: from.id, supportsAdded: gained.length } });
    return ok({ ideaId: from.id, intoId: into.id });
  },
});

/** The idea merged by this MERGED_IN event, when the merge can still be taken back: it is still merged into this idea by that very merge. */
async function currentMerge(tx: Tx, intoId: number, mergedIn: { createdAt: Date; data: string | null }) {
  const mergedId = mergePartner(mergedIn.data);
  if (mergedId === null) return null;
  const [idea, merged] = await Promise.all([
    tx.idea.findUnique({ where: { id: mergedId }, select: { id: true, status: true, mergedIntoId: true } }),
    tx.event.findFirst({
      where: { ideaId: mergedId, type: "MERGED" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true, data: true },
    }),
  ]);
  if (!idea || idea.status !== "MERGED" || idea.mergedIntoId !== intoId || !merged) return null;
  // The merge this event is about is the idea's latest (both events carry the command's moment).
  if (merged.createdAt.getTime() !== mergedIn.createdAt.getTime()) return null;
  const record = readMergeRecord(merged.data);
  return record && record.intoId === intoId ? { mergedId, eventId: merged.id, record } : null;
}

/** Places B back: its stage (or the first intake stage, should that one be archived), its position if free, else the column's end. */
async function placeBack(tx: Tx, record: MergeRecord) {
  const own = await tx.stage.findFirst({ where: { id: record.restore.stageId, archivedAt: null } });
  const stage = own ?? (await tx.stage.findFirst({ where: { kind: "INTAKE", archivedAt: null }, orderBy: { position: "asc" } }));
  if (!stage) return null;
  // The column is locked as a move locks it (decision 0004), so a move into it waits for this one.
  await tx.$executeRaw`UPDATE "Stage" SET "id" = "id" WHERE "id" = ${stage.id}`;
  const wanted = own ? record.restore.position : null;
  const taken = wanted === null ? true : (await tx.idea.count({ where: { stageId: stage.id, position: wanted } })) > 0;
  return { stage, position: taken ? await endOfColumn(tx, stage.id) : wanted! };
}

/**
 * Takes a merge back (from the history of the idea merged into, on its MERGED_IN event): B returns
 * as it was (status, stage and position, the day it entered the stage, its assignee, its own
 * supports with their dates) and A loses exactly the supports the merge gave it. A 409 when the
 * merge was already taken back, or when A has itself been merged since (that merge first).
 */
export const undoMerge = command<{ ideaId: number; eventId: number }, { ideaId: number; mergedId: number }, SessionUser>({
  permission: "idea:triage",
  async run(ctx, input) {
    const { tx } = ctx;
    const mergedIn = await tx.event.findFirst({
      where: { id: input.eventId, ideaId: input.ideaId, type: "MERGED_IN" },
      select: { id: true, createdAt: true, data: true },
    });
    if (!mergedIn) return fail(404);
    // Both ideas locked in the order of their ids, as a merge locks them: an undo and a merge of A
    // (or a second undo) take turns, and the checks below read what the one before committed.
    const partner = mergePartner(mergedIn.data);
    for (const id of [...new Set([input.ideaId, partner ?? input.ideaId])].sort((a, b) => a - b))
      await tx.$executeRaw`UPDATE "Idea" SET "version" = "version" WHERE "id" = ${id}`;
    const into = await tx.idea.findUnique({ where: { id: input.ideaId }, select: { status: true } });
    if (!into) return fail(404);
    const merge = await currentMerge(tx, input.ideaId, mergedIn);
    if (!merge) return fail(409, "board:merge.errors.undoLate");
    if (into.status === "MERGED") return fail(409, "board:merge.errors.undoIntoMerged");
    return restore(ctx, input.ideaId, merge);
  },
});

async function restore(
  { tx, actor, emit }: CommandContext<SessionUser>,
  intoId: number,
  { mergedId, eventId, record }: { mergedId: number; eventId: number; record: MergeRecord },
): Promise<Result<{ ideaId: number; mergedId: number }>> {
  const place = await placeBack(tx, record);
  if (!place) return fail(409, "board:merge.errors.undoLate");
  const assignee = record.restore.assigneeId ? await tx.user.findUnique({ where: { id: record.restore.assigneeId }, select: { id: true } }) : null;
  const updated = await tx.idea.updateMany({
    where: { id: mergedId, status: "MERGED", mergedIntoId: intoId },
    data: {
      status: "ACTIVE",
      mergedIntoId: null,
      stageId: place.stage.id,
      position: place.position,
      stageEnteredAt: record.restore.stageEnteredAt ? new Date(record.restore.stageEnteredAt) : null,
      assigneeId: assignee?.id ?? null,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return fail(409, "board:merge.errors.undoLate");
  // A loses exactly the rows the merge wrote (the person and the moment); B gets its own back.
  const given = [...record.moved, ...(record.authorAdded ? [record.authorAdded] : [])];
  if (given.length) await tx.support.deleteMany({ where: { ideaId: intoId, OR: given.map((s) => ({ userId: s.userId, createdAt: new Date(s.createdAt) })) } });
  const own = [...record.moved, ...record.dropped];
  if (own.length) {
    await tx.support.deleteMany({ where: { ideaId: mergedId, userId: { in: own.map((s) => s.userId) } } });
    await tx.support.createMany({ data: own.map((s) => ({ ideaId: mergedId, userId: s.userId, createdAt: new Date(s.createdAt) })) });
  }
  await emit({
    kind: "idea",
    type: "MERGE_UNDONE",
    ideaId: mergedId,
    actorId: actor.id,
    toStageId: place.stage.id,
    fromStatus: "MERGED",
    toStatus: "ACTIVE",
    data: { intoId, mergedEventId: eventId },
  });
  await emit({ kind: "idea", type: "MERGE_UNDONE", ideaId: intoId, actorId: actor.id, data: { mergedId, mergedEventId: eventId } });
  return ok({ ideaId: intoId, mergedId });
}

/** How many likely duplicates the manage page lists. */
export const MERGE_CANDIDATES = 5;

/**
 * The manage page's likely duplicates of an idea: the ideas most like its title and need (summary,
 * problem, users affected), the idea itself left out, drafts never. Each says whether this idea can
 * be merged into it (an open one) or not (closed, declined or withdrawn: shown all the same, as
 * what the lab already knows of the need).
 */
export async function mergeCandidates(
  user: SessionUser,
  idea: { id: number; title: string; summary: string; problem: string; usersAffected: string },
  locale: Locale,
) {
  const similar = await similarIdeas(user, similarQueryOf(idea), locale, { excludeId: idea.id, limit: MERGE_CANDIDATES });
  return {
    items: similar.items.map(({ supportedByMe: _mine, ...item }) => ({ ...item, mergeable: canMergeInto(item) })),
    institutions: similar.institutions,
  };
}
export type MergeCandidate = Awaited<ReturnType<typeof mergeCandidates>>["items"][number];
