// Experiments of an idea: who may record them, and versioned changes with their events.
import { recordEvent } from "~/modules/idea/events.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { foldForSearch } from "~/utils/text";
import { EXPERIMENT_STATUSES, type ExperimentValue } from "./experiment.schema";
import { gateRule } from "~/modules/board/gates";

type IdeaForRights = { authorId: number; status: string; stage: { kind: string } | null };

/** Facilitators and admins on any idea on the board; the author while the idea is in a work stage. */
export function mayRecordExperiments(user: SessionUser, idea: IdeaForRights) {
  if (idea.status !== "ACTIVE" || !idea.stage) return false;
  if (can(user, "experiment:manage")) return true;
  return idea.authorId === user.id && can(user, "idea:create") && idea.stage.kind === "WORK";
}

/** The idea, readable by the user (404 otherwise) and open to their experiments (403 otherwise). */
export async function requireExperimentIdea(user: SessionUser, ideaId: number) {
  const idea = await prisma.idea.findFirst({
    where: { id: ideaId, status: { not: "DRAFT" } },
    select: { id: true, title: true, authorId: true, status: true, stage: { select: { kind: true } } },
  });
  if (!idea || !can(user, "idea:read")) httpError(404);
  if (!mayRecordExperiments(user, idea)) httpError(403);
  return idea;
}

const day = (s: string | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

function cardData(value: ExperimentValue, ideaTitle: string) {
  const completed = value.status === "COMPLETED";
  return {
    hypothesis: value.hypothesis,
    method: value.method,
    methodType: value.methodType,
    metric: value.metric,
    successCriterion: value.successCriterion,
    startsOn: day(value.startsOn),
    endsOn: day(value.endsOn),
    participants: value.participants ?? null,
    status: value.status,
    observed: value.observed || null,
    learned: value.learned || null,
    result: completed ? value.result : (value.result ?? null),
    evidenceStrength: value.evidenceStrength ?? null,
    decision: value.decision ?? null,
    searchText: foldForSearch([ideaTitle, value.hypothesis, value.method, value.observed ?? "", value.learned ?? ""].join("\n")),
  };
}

export async function createExperiment(user: SessionUser, ideaId: number, value: ExperimentValue) {
  const idea = await requireExperimentIdea(user, ideaId);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const experiment = await tx.experiment.create({
      data: { ...cardData(value, idea.title), ideaId, createdById: user.id, completedAt: value.status === "COMPLETED" ? now : null },
    });
    await recordEvent(tx, { ideaId, actorId: user.id, type: "EXPERIMENT_CREATED", data: { experimentId: experiment.id, status: value.status } });
    if (value.status === "COMPLETED") {
      await recordEvent(tx, { ideaId, actorId: user.id, type: "EXPERIMENT_COMPLETED", data: { experimentId: experiment.id, result: value.result } });
    }
    return experiment;
  });
}

export type UpdateResult = { ok: true } | { ok: false; status: 400 | 409; field?: string; message: string };

export async function updateExperiment(user: SessionUser, ideaId: number, experimentId: number, value: ExperimentValue): Promise<UpdateResult> {
  const idea = await requireExperimentIdea(user, ideaId);
  const current = await prisma.experiment.findFirst({ where: { id: experimentId, ideaId } });
  if (!current) httpError(404);
  if (value.experimentId !== undefined && value.experimentId !== experimentId) return { ok: false, status: 400, message: "experiments:errors.tampered" };
  if (value.version === undefined) return { ok: false, status: 400, message: "experiments:errors.tampered" };
  // planned → running → completed, never back.
  if (EXPERIMENT_STATUSES.indexOf(value.status) < EXPERIMENT_STATUSES.indexOf(current.status)) {
    return { ok: false, status: 400, field: "status", message: "experiments:errors.statusBackwards" };
  }
  const completing = value.status === "COMPLETED" && current.status !== "COMPLETED";
  return prisma.$transaction(async (tx) => {
    const updated = await tx.experiment.updateMany({
      where: { id: experimentId, ideaId, version: value.version },
      data: { ...cardData(value, idea.title), version: { increment: 1 }, ...(completing ? { completedAt: new Date() } : {}) },
    });
    if (updated.count === 0) return { ok: false as const, status: 409 as const, message: "experiments:errors.conflict" };
    await recordEvent(tx, {
      ideaId,
      actorId: user.id,
      type: completing ? "EXPERIMENT_COMPLETED" : "EXPERIMENT_UPDATED",
      data: { experimentId, status: value.status, ...(completing ? { result: value.result } : {}) },
    });
    return { ok: true as const };
  });
}

/** An experiment to edit, with its idea's title, or 404. */
export async function getExperimentForEdit(user: SessionUser, ideaId: number, experimentId: number) {
  const idea = await requireExperimentIdea(user, ideaId);
  const experiment = await prisma.experiment.findFirst({ where: { id: experimentId, ideaId } });
  if (!experiment) httpError(404);
  return { idea, experiment };
}

/** What a stage's gate asks before an idea may enter it; null when nothing is missing. */
export async function missingForGate(
  tx: Pick<typeof prisma, "experiment">,
  ideaId: number,
  stageKey: string,
): Promise<{ message: string; link: string } | null> {
  const rule = gateRule(stageKey);
  if (rule === "test") {
    const designed = await tx.experiment.count({ where: { ideaId, hypothesis: { not: "" }, metric: { not: "" }, successCriterion: { not: "" } } });
    return designed > 0 ? null : { message: "board:gates.test", link: `/ideas/${ideaId}/experiments/new` };
  }
  if (rule === "validated") {
    const validated = await tx.experiment.count({ where: { ideaId, status: "COMPLETED", result: "VALIDATED" } });
    return validated > 0 ? null : { message: "board:gates.validated", link: `/ideas/${ideaId}#experiments` };
  }
  if (rule === "learning") {
    const unlearned = await tx.experiment.count({
      where: { ideaId, status: { in: ["RUNNING", "COMPLETED"] }, OR: [{ learned: null }, { learned: "" }] },
    });
    return unlearned === 0 ? null : { message: "board:gates.learning", link: `/ideas/${ideaId}#experiments` };
  }
  return null;
}
