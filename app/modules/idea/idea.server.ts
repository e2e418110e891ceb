// Commands on ideas by their authors and readers: write and submit the brief, withdraw, support,
// comment. Each is a command (app/core/command.server.ts): one transaction with its events.
import type { Prisma } from "~/generated/prisma/client";
import { command, type CommandContext } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { BRIEF_FIELDS, briefOf, searchTextOf, stepBriefFields, TITLE, type BriefStep } from "./brief";
import type { IdeaFormValue, StepValue } from "./idea.schema";
import { mayComment, mayEdit, maySupport, mayWithdraw } from "./rights";

export const PAGE_SIZE = 25;

/** Ideas a user may read: every non-draft idea, and their own drafts. */
export function visibleTo(user: { id: number }): Prisma.IdeaWhereInput {
  return { OR: [{ status: { not: "DRAFT" } }, { authorId: user.id }] };
}

/** Checks the institution and principles a form names; returns their ids or the field errors. */
async function resolveReferences(tx: Tx, value: { institutionId?: number; principles?: string[] }, currentInstitutionId?: number) {
  const keys = value.principles ?? [];
  const [institution, principles] = await Promise.all([
    value.institutionId === undefined ? null : tx.institution.findUnique({ where: { id: value.institutionId }, select: { id: true, active: true } }),
    tx.principle.findMany({ where: { key: { in: keys } }, select: { id: true } }),
  ]);
  const errors: Record<string, string> = {};
  // A deactivated institution stays valid for an idea that already belongs to it.
  if (value.institutionId !== undefined && (!institution || (!institution.active && institution.id !== currentInstitutionId)))
    errors.institutionId = "unknownInstitution";
  if (principles.length !== new Set(keys).size) errors.principles = "unknownPrinciple";
  return { errors: Object.keys(errors).length ? errors : null, principleIds: principles.map((p) => p.id) };
}

function briefData(value: IdeaFormValue) {
  return {
    title: value.title,
    ...Object.fromEntries(BRIEF_FIELDS.map((f) => [f.name, f.kind === "count" ? (value[f.name] ?? null) : value[f.name]])),
    searchText: searchTextOf(value),
    institutionId: value.institutionId,
    language: value.language,
  };
}

/** The position after the last card of a column. */
export async function endOfColumn(tx: Tx, stageId: number) {
  const last = await tx.idea.findFirst({ where: { stageId }, orderBy: { position: "desc" }, select: { position: true } });
  return (last?.position ?? 0) + 1024;
}

/** Puts an idea into the intake column, as a submission (from a draft) or a resubmission. */
async function enterIntake({ tx, actor, emit, now }: CommandContext<SessionUser>, ideaId: number, fromStatus: "DRAFT" | "NEEDS_INFO") {
  const stage = await tx.stage.findFirst({ where: { kind: "INTAKE", archivedAt: null }, orderBy: { position: "asc" } });
  if (!stage) throw new Error("No intake stage is configured");
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
  await emit({
    kind: "idea",
    type: fromStatus === "DRAFT" ? "SUBMITTED" : "RESUBMITTED",
    ideaId,
    actorId: actor.id,
    toStageId: stage.id,
    fromStatus,
    toStatus: "ACTIVE",
  });
}

/** The idea the same form (its create token) already made, when the form is sent twice. */
async function alreadyCreated(user: SessionUser, token: string | undefined) {
  if (!token) return null;
  const existing = await prisma.idea.findUnique({ where: { createToken: token }, select: { id: true, authorId: true } });
  return existing && existing.authorId === user.id ? existing : null;
}

/** A new idea: a draft, or submitted at once. The same form sent twice makes one idea. */
export const createIdea = command<IdeaFormValue, { id: number }, SessionUser, { existing: number | null }>({
  permission: "idea:create",
  async prepare(user, value) {
    const existing = await alreadyCreated(user, value.createToken);
    // Another person's token (a copied or tampered form) never answers with their idea, nor 500.
    if (!existing && value.createToken && (await prisma.idea.count({ where: { createToken: value.createToken } }))) return fail(400, "common:errors.tampered");
    return ok({ existing: existing?.id ?? null });
  },
  async run(ctx, value, { existing }) {
    if (existing) return ok({ id: existing });
    const { tx, actor, emit } = ctx;
    const { errors, principleIds } = await resolveReferences(tx, value);
    if (errors) return fail(400, errors);
    const idea = await tx.idea.create({
      data: {
        ...briefData(value),
        status: "DRAFT",
        authorId: actor.id,
        createToken: value.createToken || null,
        principles: { create: principleIds.map((principleId) => ({ principleId })) },
      },
      select: { id: true },
    });
    await emit({ kind: "idea", type: "CREATED", ideaId: idea.id, actorId: actor.id, toStatus: "DRAFT" });
    if (value.intent === "submit") await enterIntake(ctx, idea.id, "DRAFT");
    return ok({ id: idea.id });
  },
  // The same form sent twice at once: the second insert meets the first one's token.
  async recover(error, value, user) {
    if (!isUniqueViolation(error)) return undefined;
    const existing = await alreadyCreated(user, value.createToken);
    return existing ? ok({ id: existing.id }) : fail(400, "common:errors.tampered");
  },
});

/** The author's changes to a draft or a returned idea, saved or (re)submitted. */
export const updateIdea = command<{ id: number; value: IdeaFormValue }, { id: number }, SessionUser>({
  permission: "idea:create",
  async run(ctx, { id, value }) {
    const { tx, actor, emit } = ctx;
    const idea = await tx.idea.findFirst({ where: { id, ...visibleTo(actor) }, select: { id: true, authorId: true, status: true, institutionId: true } });
    if (!idea) return fail(404);
    if (!mayEdit(actor, idea)) return fail(403);
    if ((value.id !== undefined && value.id !== id) || value.version === undefined) return fail(400, "common:errors.tampered");
    const { errors, principleIds } = await resolveReferences(tx, value, idea.institutionId);
    if (errors) return fail(400, errors);
    const updated = await tx.idea.updateMany({
      where: { id, version: value.version, authorId: actor.id, status: { in: ["DRAFT", "NEEDS_INFO"] } },
      data: { ...briefData(value), version: { increment: 1 } },
    });
    if (updated.count === 0) return fail(409, "ideas:form.conflict");
    await tx.ideaPrinciple.deleteMany({ where: { ideaId: id } });
    await tx.ideaPrinciple.createMany({ data: principleIds.map((principleId) => ({ ideaId: id, principleId })) });
    const status = idea.status as "DRAFT" | "NEEDS_INFO";
    if (value.intent === "submit") await enterIntake(ctx, id, status);
    else if (status === "NEEDS_INFO") await emit({ kind: "idea", type: "EDITED", ideaId: id, actorId: actor.id });
    return ok({ id });
  },
});

/** The fields one step of the brief writes: its own answers, never another step's. */
function stepData(step: BriefStep, value: StepValue) {
  const data: Record<string, unknown> = Object.fromEntries(
    stepBriefFields(step).map((f) => [f.name, f.kind === "count" ? (value[f.name] ?? null) : (value[f.name] ?? "")]),
  );
  if (step === "need") Object.assign(data, { title: value.title, institutionId: value.institutionId, language: value.language ?? "lv" });
  return data;
}

/**
 * One step of the brief, saved as the draft (brief.ts, BRIEF_STEPS): the first step without an id
 * starts the draft (the same form sent twice makes one idea, by its create token); any other save
 * changes only that step's fields of a draft or a returned idea. Nothing is submitted here.
 */
export const saveBriefStep = command<{ id?: number; step: BriefStep; value: StepValue }, { id: number }, SessionUser, { existing: number | null }>({
  permission: "idea:create",
  async prepare(user, { id, value }) {
    if (id !== undefined) return ok({ existing: null });
    const existing = await alreadyCreated(user, value.createToken);
    if (!existing && value.createToken && (await prisma.idea.count({ where: { createToken: value.createToken } }))) return fail(400, "common:errors.tampered");
    return ok({ existing: existing?.id ?? null });
  },
  async run({ tx, actor, emit }, { id, step, value }, { existing }) {
    if (id === undefined) {
      if (existing) return ok({ id: existing });
      if (step !== "need" || value.title === undefined || value.institutionId === undefined) return fail(400, "common:errors.tampered");
      const { errors } = await resolveReferences(tx, { institutionId: value.institutionId });
      if (errors) return fail(400, errors);
      const data = stepData(step, value);
      const idea = await tx.idea.create({
        data: {
          title: value.title,
          institutionId: value.institutionId,
          ...data,
          searchText: searchTextOf({
            title: value.title,
            summary: value.summary ?? "",
            problem: value.problem ?? "",
            usersAffected: value.usersAffected ?? "",
            solution: "",
          }),
          status: "DRAFT",
          authorId: actor.id,
          createToken: value.createToken || null,
        },
        select: { id: true },
      });
      await emit({ kind: "idea", type: "CREATED", ideaId: idea.id, actorId: actor.id, toStatus: "DRAFT" });
      return ok({ id: idea.id });
    }
    const idea = await tx.idea.findFirst({ where: { id, ...visibleTo(actor) } });
    if (!idea) return fail(404);
    if (!mayEdit(actor, idea)) return fail(403);
    if ((value.id !== undefined && value.id !== id) || value.version === undefined) return fail(400, "common:errors.tampered");
    const { errors, principleIds } = await resolveReferences(tx, { institutionId: value.institutionId, principles: value.principles }, idea.institutionId);
    if (errors) return fail(400, errors);
    const data = stepData(step, value);
    const merged = { ...idea, ...data } as typeof idea;
    const updated = await tx.idea.updateMany({
      where: { id, version: value.version, authorId: actor.id, status: { in: ["DRAFT", "NEEDS_INFO"] } },
      data: { ...data, searchText: searchTextOf(merged), version: { increment: 1 } },
    });
    if (updated.count === 0) return fail(409, "ideas:form.conflict");
    if (step === "partners") {
      await tx.ideaPrinciple.deleteMany({ where: { ideaId: id } });
      await tx.ideaPrinciple.createMany({ data: principleIds.map((principleId) => ({ ideaId: id, principleId })) });
    }
    return ok({ id });
  },
  async recover(error, { id, value }, user) {
    if (id !== undefined || !isUniqueViolation(error)) return undefined;
    const existing = await alreadyCreated(user, value.createToken);
    return existing ? ok({ id: existing.id }) : fail(400, "common:errors.tampered");
  },
});

/** What a stored brief still lacks before it can be submitted, by field (empty when complete). */
export function missingAnswers(idea: Parameters<typeof briefOf>[0] & { title: string }, principles: number) {
  const brief = briefOf(idea);
  const errors: Record<string, string> = {};
  if (idea.title.trim().length < TITLE.min) errors.title = "requiredToSubmit";
  for (const f of BRIEF_FIELDS) if (f.kind === "text" && f.requiredToSubmit && !brief[f.name].trim()) errors[f.name] = "requiredToSubmit";
  if (principles === 0) errors.principles = "principleRequired";
  return errors;
}

/** Check-your-answers' submit: the stored brief, checked whole, goes to the lab (or back to it, answered). */
export const submitBrief = command<{ id: number; version: number }, { id: number }, SessionUser>({
  permission: "idea:create",
  async run(ctx, { id, version }) {
    const { tx, actor } = ctx;
    // The principles counted on their own (an `_count` in the include counted the whole table's).
    const [idea, principles] = await Promise.all([
      tx.idea.findFirst({ where: { id, ...visibleTo(actor) } }),
      tx.ideaPrinciple.count({ where: { ideaId: id } }),
    ]);
    if (!idea) return fail(404);
    if (!mayEdit(actor, idea)) return fail(403);
    const missing = missingAnswers(idea, principles);
    if (Object.keys(missing).length) return fail(400, missing);
    const updated = await tx.idea.updateMany({
      where: { id, version, authorId: actor.id, status: { in: ["DRAFT", "NEEDS_INFO"] } },
      data: { version: { increment: 1 } },
    });
    if (updated.count === 0) return fail(409, "ideas:form.conflict");
    await enterIntake(ctx, id, idea.status as "DRAFT" | "NEEDS_INFO");
    return ok({ id });
  },
});

/** A draft is deleted; a submitted idea is kept as WITHDRAWN, off the board, for history. */
export const withdrawIdea = command<{ id: number }, "deleted" | "withdrawn", SessionUser>({
  permission: null,
  async run({ tx, actor, emit }, { id }) {
    const idea = await tx.idea.findFirst({ where: { id, ...visibleTo(actor) }, include: { stage: { select: { kind: true } } } });
    if (!idea) return fail(404);
    if (idea.authorId !== actor.id) return fail(403);
    if (idea.status === "DRAFT") {
      await tx.idea.delete({ where: { id } });
      return ok("deleted" as const);
    }
    if (!mayWithdraw(actor, idea)) return fail(409, "ideas:errors.cannotWithdraw");
    await tx.idea.update({ where: { id }, data: { status: "WITHDRAWN", stageId: null, position: null, stageEnteredAt: null, version: { increment: 1 } } });
    await emit({ kind: "idea", type: "WITHDRAWN", ideaId: id, actorId: actor.id, fromStageId: idea.stageId, fromStatus: idea.status, toStatus: "WITHDRAWN" });
    return ok("withdrawn" as const);
  },
});

/** A non-draft idea the user may read (for comments and support), or null. */
function readableIdea(tx: Tx, id: number) {
  return tx.idea.findFirst({ where: { id, status: { not: "DRAFT" } }, select: { id: true, authorId: true, status: true } });
}

/**
 * "I have this problem too": one per person, toggled (the idea page), or set to `support` (the
 * similar-ideas panel, whose button says which it wants, so sending it twice changes nothing more).
 * Returns whether the user now supports it.
 */
export const toggleSupport = command<{ ideaId: number; support?: boolean }, boolean, SessionUser>({
  permission: "idea:read",
  async run({ tx, actor }, { ideaId, support }) {
    const idea = await readableIdea(tx, ideaId);
    if (!idea) return fail(404);
    if (!maySupport(actor, idea)) return fail(403);
    const mine = { ideaId, userId: actor.id };
    if (support === true) {
      if (await tx.support.count({ where: mine })) return ok(true);
    } else {
      const removed = await tx.support.deleteMany({ where: mine });
      if (removed.count > 0 || support === false) return ok(false);
    }
    await tx.support.create({ data: mine });
    return ok(true);
  },
  // Two clicks at once: the second meets the first one's row, which is what was asked for.
  recover: async (error) => (isUniqueViolation(error) ? ok(true) : undefined),
});

export const addComment = command<{ ideaId: number; body: string; internal: boolean }, { commentId: number }, SessionUser>({
  permission: "comment:create",
  async run({ tx, actor, emit }, { ideaId, body, internal }) {
    const idea = await readableIdea(tx, ideaId);
    if (!idea) return fail(404);
    if (!mayComment(actor, idea, internal)) return fail(403);
    const comment = await tx.comment.create({ data: { ideaId, authorId: actor.id, body, internal } });
    await emit({ kind: "idea", type: "COMMENTED", ideaId, actorId: actor.id, internal, data: { commentId: comment.id } });
    return ok({ commentId: comment.id });
  },
});

/** Authors delete their own comments; the event stays in the history. */
export const deleteComment = command<{ ideaId: number; commentId: number }, undefined, SessionUser>({
  permission: "comment:create",
  async run({ tx, actor, now }, { ideaId, commentId }) {
    const comment = await tx.comment.findFirst({ where: { id: commentId, ideaId, deletedAt: null } });
    if (!comment) return fail(404);
    if (comment.authorId !== actor.id) return fail(403);
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: now } });
    return ok();
  },
});
