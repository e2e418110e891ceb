// Queries and commands for ideas, always scoped by what the user may see and do.
import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { foldForSearch } from "~/utils/text";
import { recordEvent, type Tx } from "./events.server";
import type { IdeaFormValue } from "./idea.schema";
import { mayEdit, maySupport, mayWithdraw } from "./rights";

export const PAGE_SIZE = 25;

/** Ideas a user may read: every non-draft idea, and their own drafts. */
export function visibleTo(user: SessionUser): Prisma.IdeaWhereInput {
  return { OR: [{ status: { not: "DRAFT" } }, { authorId: user.id }] };
}

export function searchTextOf(idea: { title: string; summary: string; problem: string; solution: string }) {
  return foldForSearch([idea.title, idea.summary, idea.problem, idea.solution].join("\n"));
}

export type FieldErrors = Partial<Record<string, string[]>>;
export type CommandResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 409; fieldErrors?: FieldErrors; formErrors?: string[] };

/** Checks the institution and principles a form names; returns their ids or the field errors. */
async function resolveReferences(value: IdeaFormValue, currentInstitutionId?: number) {
  const [institution, principles] = await Promise.all([
    prisma.institution.findUnique({ where: { id: value.institutionId }, select: { id: true, active: true } }),
    prisma.principle.findMany({ where: { key: { in: value.principles } }, select: { id: true } }),
  ]);
  const fieldErrors: FieldErrors = {};
  // A deactivated institution stays valid for an idea that already belongs to it.
  if (!institution || (!institution.active && institution.id !== currentInstitutionId)) fieldErrors.institutionId = ["unknownInstitution"];
  if (principles.length !== new Set(value.principles).size) fieldErrors.principles = ["unknownPrinciple"];
  return { fieldErrors, principleIds: principles.map((p) => p.id) };
}

function briefData(value: IdeaFormValue) {
  return {
    title: value.title,
    summary: value.summary,
    usersAffected: value.usersAffected,
    problem: value.problem,
    evidence: value.evidence,
    usersTalkedTo: value.usersTalkedTo ?? null,
    solution: value.solution,
    expectedValue: value.expectedValue,
    firstTest: value.firstTest,
    partners: value.partners,
    searchText: searchTextOf(value),
    institutionId: value.institutionId,
  };
}

async function submittedStage(tx: Tx) {
  const stage = await tx.stage.findFirst({ where: { kind: "INTAKE", archivedAt: null }, orderBy: { position: "asc" } });
  if (!stage) throw new Error("No intake stage is configured");
  return stage;
}

/** The position after the last card of a column. */
async function endOfColumn(tx: Tx, stageId: number) {
  const last = await tx.idea.findFirst({
    where: { stageId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return (last?.position ?? 0) + 1024;
}

/** Puts an idea into the intake column (as a submission or resubmission). */
async function enterIntake(tx: Tx, ideaId: number, user: SessionUser, fromStatus: string) {
  const stage = await submittedStage(tx);
  const now = new Date();
  await tx.idea.update({
    where: { id: ideaId },
    data: {
      status: "ACTIVE",
      stageId: stage.id,
      position: await endOfColumn(tx, stage.id),
      submittedAt: fromStatus === "DRAFT" ? now : undefined,
      stageEnteredAt: now,
      returnQuestion: null,
    },
  });
  await recordEvent(tx, {
    ideaId,
    actorId: user.id,
    type: fromStatus === "DRAFT" ? "SUBMITTED" : "RESUBMITTED",
    toStageId: stage.id,
    fromStatus,
    toStatus: "ACTIVE",
    at: now,
  });
}

export async function createIdea(user: SessionUser, value: IdeaFormValue): Promise<CommandResult<{ id: number }>> {
  if (value.createToken) {
    const existing = await prisma.idea.findUnique({ where: { createToken: value.createToken }, select: { id: true, authorId: true } });
    if (existing && existing.authorId === user.id) return { ok: true, value: { id: existing.id } };
  }
  const { fieldErrors, principleIds } = await resolveReferences(value);
  if (Object.keys(fieldErrors).length) return { ok: false, status: 400, fieldErrors };
  try {
    const id = await prisma.$transaction(async (tx) => {
      const idea = await tx.idea.create({
        data: {
          ...briefData(value),
          status: "DRAFT",
          authorId: user.id,
          createToken: value.createToken || null,
          principles: { create: principleIds.map((principleId) => ({ principleId })) },
        },
        select: { id: true },
      });
      await recordEvent(tx, { ideaId: idea.id, actorId: user.id, type: "CREATED", toStatus: "DRAFT" });
      if (value.intent === "submit") await enterIntake(tx, idea.id, user, "DRAFT");
      return idea.id;
    });
    return { ok: true, value: { id } };
  } catch (error) {
    // The same form sent twice at once: the second insert meets the first one's token.
    if (isUniqueViolation(error) && value.createToken) {
      const existing = await prisma.idea.findUnique({ where: { createToken: value.createToken }, select: { id: true, authorId: true } });
      if (existing && existing.authorId === user.id) return { ok: true, value: { id: existing.id } };
    }
    throw error;
  }
}

/** The idea its author may edit now (a draft or one returned for more information), or 404/403. */
export async function getEditableIdea(user: SessionUser, id: number) {
  const idea = await prisma.idea.findFirst({
    where: { id, ...visibleTo(user) },
    include: { principles: { include: { principle: { select: { key: true } } } } },
  });
  if (!idea) httpError(404);
  if (!mayEdit(user, idea)) httpError(403);
  return idea;
}

export async function updateIdea(user: SessionUser, id: number, value: IdeaFormValue): Promise<CommandResult<{ id: number }>> {
  const idea = await getEditableIdea(user, id);
  if (value.id !== undefined && value.id !== id) return { ok: false, status: 400, formErrors: ["ideas:form.tampered"] };
  if (value.version === undefined) return { ok: false, status: 400, formErrors: ["ideas:form.tampered"] };
  const { fieldErrors, principleIds } = await resolveReferences(value, idea.institutionId);
  if (Object.keys(fieldErrors).length) return { ok: false, status: 400, fieldErrors };
  const done = await prisma.$transaction(async (tx) => {
    const updated = await tx.idea.updateMany({
      where: { id, version: value.version, authorId: user.id, status: { in: ["DRAFT", "NEEDS_INFO"] } },
      data: { ...briefData(value), version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    await tx.ideaPrinciple.deleteMany({ where: { ideaId: id } });
    await tx.ideaPrinciple.createMany({ data: principleIds.map((principleId) => ({ ideaId: id, principleId })) });
    if (value.intent === "submit") {
      await enterIntake(tx, id, user, idea.status);
    } else if (idea.status === "NEEDS_INFO") {
      await recordEvent(tx, { ideaId: id, actorId: user.id, type: "EDITED" });
    }
    return true;
  });
  if (!done) return { ok: false, status: 409, formErrors: ["ideas:form.conflict"] };
  return { ok: true, value: { id } };
}

/** A draft is deleted; a submitted idea is kept as WITHDRAWN, off the board, for history. */
export async function withdrawIdea(user: SessionUser, id: number): Promise<"deleted" | "withdrawn"> {
  const idea = await prisma.idea.findFirst({ where: { id, ...visibleTo(user) }, include: { stage: true } });
  if (!idea) httpError(404);
  if (idea.authorId !== user.id) httpError(403);
  if (idea.status === "DRAFT") {
    await prisma.idea.delete({ where: { id } });
    return "deleted";
  }
  if (!mayWithdraw(user, idea)) httpError(409);
  await prisma.$transaction(async (tx) => {
    await tx.idea.update({
      where: { id },
      data: { status: "WITHDRAWN", stageId: null, position: null, stageEnteredAt: null, version: { increment: 1 } },
    });
    await recordEvent(tx, {
      ideaId: id,
      actorId: user.id,
      type: "WITHDRAWN",
      fromStageId: idea.stageId,
      fromStatus: idea.status,
      toStatus: "WITHDRAWN",
    });
  });
  return "withdrawn";
}

/** A non-draft idea the user may read (for comments and support), or 404. */
async function requireReadableIdea(user: SessionUser, id: number) {
  const idea = await prisma.idea.findFirst({
    where: { id, status: { not: "DRAFT" } },
    select: { id: true, authorId: true, status: true },
  });
  if (!idea || !can(user, "idea:read")) httpError(404);
  return idea;
}

/** "I have this problem too": one per person, toggled. Returns whether the user now supports it. */
export async function toggleSupport(user: SessionUser, ideaId: number): Promise<boolean> {
  const idea = await requireReadableIdea(user, ideaId);
  if (!maySupport(user, idea)) httpError(403);
  const removed = await prisma.support.deleteMany({ where: { ideaId, userId: user.id } });
  if (removed.count > 0) return false;
  try {
    await prisma.support.create({ data: { ideaId, userId: user.id } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}

export async function addComment(user: SessionUser, ideaId: number, body: string, internal: boolean) {
  await requireReadableIdea(user, ideaId);
  if (!can(user, "comment:create")) httpError(403);
  if (internal && !can(user, "comment:internal")) httpError(403);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { ideaId, authorId: user.id, body, internal } });
    await recordEvent(tx, { ideaId, actorId: user.id, type: "COMMENTED", data: { commentId: comment.id, internal } });
    return comment;
  });
}

/** Authors delete their own comments; the event stays in the history. */
export async function deleteComment(user: SessionUser, ideaId: number, commentId: number) {
  const comment = await prisma.comment.findFirst({ where: { id: commentId, ideaId, deletedAt: null } });
  if (!comment) httpError(404);
  if (comment.authorId !== user.id) httpError(403);
  await prisma.comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
}
