// Experiments of an idea: the pages that edit them, and versioned changes with their events.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { isoDayOf } from "~/utils/iso-day";
import type { Prisma } from "~/generated/prisma/client";
import { CARD_FIELDS, EXPERIMENT_STATUSES, cardsOf, experimentSearchText, type CardField } from "./cards";
import type { ExperimentValue } from "./experiment.schema";
import { mayRecordExperiments } from "./rights";

const ideaSelect = { id: true, title: true, authorId: true, status: true, stage: { select: { kind: true } } } as const;

/** The idea, readable by the user, whose experiments they may record: 404 when it is not there for them, 403 when they may not. */
async function experimentIdea(db: Tx, user: SessionUser, ideaId: number) {
  const idea = await db.idea.findFirst({ where: { id: ideaId, status: { not: "DRAFT" } }, select: ideaSelect });
  if (!idea || !can(user, "idea:read")) return fail(404);
  if (!mayRecordExperiments(user, idea)) return fail(403);
  return ok(idea);
}

/** For the new-experiment page: the idea, or 404/403. */
export async function requireExperimentIdea(user: SessionUser, ideaId: number) {
  const found = await experimentIdea(prisma, user, ideaId);
  invariantResponse(found.ok || found.status !== 403, 403);
  invariantResponse(found.ok, 404);
  return found.value;
}

/** For the edit page: the idea and the form's values, or 404/403. */
export async function getExperimentForEdit(user: SessionUser, ideaId: number, experimentId: number) {
  const idea = await requireExperimentIdea(user, ideaId);
  const e = await prisma.experiment.findFirst({ where: { id: experimentId, ideaId } });
  invariantResponse(e, 404);
  return {
    idea: { id: idea.id, title: idea.title },
    defaults: { experimentId: e.id, version: e.version, ...cardsOf(e, (d) => (d ? isoDayOf(d) : null)) },
  };
}

/** One answer of the form as its column: a day as a date; an empty optional text, choice or count as null. */
function column(field: CardField, answer: unknown) {
  if (field.type === "date") return answer ? new Date(`${answer}T00:00:00Z`) : null;
  if (field.type === "text") return "required" in field ? answer : answer || null;
  return answer ?? null;
}

/** The cards as the form sent them, as the row's columns. */
function cardData(value: ExperimentValue, ideaTitle: string) {
  return {
    ...(Object.fromEntries(CARD_FIELDS.map((f) => [f.name, column(f, value[f.name])])) as Omit<
      Prisma.ExperimentUncheckedCreateInput,
      "ideaId" | "createdById"
    >),
    searchText: experimentSearchText(ideaTitle, value),
  };
}

export const createExperiment = command<{ ideaId: number; value: ExperimentValue }, { experimentId: number }, SessionUser>({
  permission: "idea:read",
  async run({ tx, actor, emit, now }, { ideaId, value }) {
    const found = await experimentIdea(tx, actor, ideaId);
    if (!found.ok) return found;
    const completed = value.status === "COMPLETED";
    const experiment = await tx.experiment.create({
      data: { ...cardData(value, found.value.title), ideaId, createdById: actor.id, completedAt: completed ? now : null },
    });
    await emit({ kind: "idea", type: "EXPERIMENT_CREATED", ideaId, actorId: actor.id, data: { experimentId: experiment.id, status: value.status } });
    if (completed)
      await emit({ kind: "idea", type: "EXPERIMENT_COMPLETED", ideaId, actorId: actor.id, data: { experimentId: experiment.id, result: value.result } });
    return ok({ experimentId: experiment.id });
  },
});

export const updateExperiment = command<{ ideaId: number; experimentId: number; value: ExperimentValue }, { completed: boolean }, SessionUser>({
  permission: "idea:read",
  async run({ tx, actor, emit, now }, { ideaId, experimentId, value }) {
    const found = await experimentIdea(tx, actor, ideaId);
    if (!found.ok) return found;
    const current = await tx.experiment.findFirst({ where: { id: experimentId, ideaId } });
    if (!current) return fail(404);
    if ((value.experimentId !== undefined && value.experimentId !== experimentId) || value.version === undefined) return fail(400, "common:errors.tampered");
    // planned → running → completed, never back.
    if (EXPERIMENT_STATUSES.indexOf(value.status) < EXPERIMENT_STATUSES.indexOf(current.status))
      return fail(400, { status: "experiments:errors.statusBackwards" });
    const completing = value.status === "COMPLETED" && current.status !== "COMPLETED";
    const updated = await tx.experiment.updateMany({
      where: { id: experimentId, ideaId, version: value.version },
      data: { ...cardData(value, found.value.title), version: { increment: 1 }, ...(completing ? { completedAt: now } : {}) },
    });
    if (updated.count === 0) return fail(409, "experiments:errors.conflict");
    await emit({
      kind: "idea",
      type: completing ? "EXPERIMENT_COMPLETED" : "EXPERIMENT_UPDATED",
      ideaId,
      actorId: actor.id,
      data: { experimentId, status: value.status, ...(completing ? { result: value.result } : {}) },
    });
    return ok({ completed: completing || value.status === "COMPLETED" });
  },
});
