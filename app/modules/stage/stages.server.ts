// The stages of the pipeline: what the board, the filters and the dashboard show, and their
// administration (rename in both languages, WIP limits, reorder the work stages, add a work stage,
// archive one that holds no ideas, switch a gate). The board follows at once; every change is
// audited.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { requirePermission } from "~/utils/auth.server";
import { foldForSearch } from "~/utils/text";
import { gateRule } from "./gates";

/** The stages on the board, in order. */
export function activeStages(db: Tx = prisma) {
  return db.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } });
}

/** /admin/stages: every active stage with how many ideas it holds. */
export async function listStages(user: SessionUser) {
  requirePermission(user, "admin:stages");
  const stages = await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, include: { _count: { select: { ideas: true } } } });
  return stages.map((s) => ({
    id: s.id,
    key: s.key,
    nameLv: s.nameLv,
    nameEn: s.nameEn,
    kind: s.kind,
    wipLimit: s.wipLimit,
    gateEnabled: s.gateEnabled,
    ideas: s._count.ideas,
  }));
}

async function stageOf(tx: Tx, stageId: number) {
  return tx.stage.findFirst({ where: { id: stageId, archivedAt: null } });
}

export const updateStage = command<{ stageId: number; nameLv: string; nameEn: string; wipLimit?: number }>({
  permission: "admin:stages",
  async run({ tx, actor, emit }, input) {
    const stage = await stageOf(tx, input.stageId);
    if (!stage) return fail(404);
    const after = { nameLv: input.nameLv, nameEn: input.nameEn, wipLimit: input.wipLimit ?? null };
    await tx.stage.update({ where: { id: stage.id }, data: after });
    await emit({
      kind: "audit",
      action: "STAGE_UPDATE",
      actorId: actor.id,
      targetType: "STAGE",
      targetId: stage.key,
      before: { nameLv: stage.nameLv, nameEn: stage.nameEn, wipLimit: stage.wipLimit },
      after,
    });
    return ok();
  },
});

/** Adds a work stage after the last work stage, with a key made from its English name. */
export const addStage = command<{ nameLv: string; nameEn: string }>({
  permission: "admin:stages",
  async run({ tx, actor, emit }, input) {
    const base =
      foldForSearch(input.nameEn)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 40) || "stage";
    let key = base;
    for (let n = 2; await tx.stage.findUnique({ where: { key } }); n++) key = `${base}-${n}`;
    const stages = await activeStages(tx);
    const lastWork = stages.filter((s) => s.kind === "WORK" || s.kind === "INTAKE").at(-1);
    const created = await tx.stage.create({ data: { key, nameLv: input.nameLv, nameEn: input.nameEn, kind: "WORK", position: 0 } });
    const order = [...stages];
    order.splice(lastWork ? order.indexOf(lastWork) + 1 : 0, 0, created);
    for (const [i, s] of order.entries()) await tx.stage.update({ where: { id: s.id }, data: { position: i + 1 } });
    await emit({
      kind: "audit",
      action: "STAGE_CREATE",
      actorId: actor.id,
      targetType: "STAGE",
      targetId: key,
      after: { nameLv: input.nameLv, nameEn: input.nameEn },
    });
    return ok();
  },
});

/** Archives an empty work stage: it leaves the board and the forms, and stays in the history. */
export const archiveStage = command<{ stageId: number }>({
  permission: "admin:stages",
  async run({ tx, actor, emit, now }, input) {
    const stage = await stageOf(tx, input.stageId);
    if (!stage) return fail(404);
    if (stage.kind !== "WORK") return fail(400, "admin:stages.errors.onlyWork");
    if ((await tx.idea.count({ where: { stageId: stage.id } })) > 0) return fail(400, "admin:stages.errors.notEmpty");
    await tx.stage.update({ where: { id: stage.id }, data: { archivedAt: now } });
    await emit({ kind: "audit", action: "STAGE_ARCHIVE", actorId: actor.id, targetType: "STAGE", targetId: stage.key });
    return ok();
  },
});

/** Swaps a work stage with its neighbour; `order` is the list the admin saw, which must still be the list there is. */
export const moveStage = command<{ stageId: number; direction: "up" | "down"; order: string }>({
  permission: "admin:stages",
  async run({ tx, actor, emit }, input) {
    const stages = await activeStages(tx);
    const stage = stages.find((s) => s.id === input.stageId);
    if (!stage) return fail(404);
    if (input.order !== stages.map((s) => s.id).join(",")) return fail(409, "admin:stages.errors.staleOrder");
    const work = stages.filter((s) => s.kind === "WORK");
    const index = work.indexOf(stage);
    const swapWith = work[input.direction === "up" ? index - 1 : index + 1];
    if (index === -1 || !swapWith) return fail(400, "admin:stages.errors.cannotMove");
    await tx.stage.update({ where: { id: stage.id }, data: { position: swapWith.position } });
    await tx.stage.update({ where: { id: swapWith.id }, data: { position: stage.position } });
    await emit({
      kind: "audit",
      action: "STAGE_REORDER",
      actorId: actor.id,
      targetType: "STAGE",
      targetId: stage.key,
      before: { position: stage.position },
      after: { position: swapWith.position },
    });
    return ok();
  },
});

/** Switches a stage's gate on or off (only stages that have a gate). */
export const switchGate = command<{ stageId: number; enabled: boolean }>({
  permission: "admin:stages",
  async run({ tx, actor, emit }, input) {
    const stage = await stageOf(tx, input.stageId);
    if (!stage) return fail(404);
    if (!gateRule(stage.key)) return fail(400, "admin:stages.errors.noGate");
    await tx.stage.update({ where: { id: stage.id }, data: { gateEnabled: input.enabled } });
    await emit({
      kind: "audit",
      action: "STAGE_GATE",
      actorId: actor.id,
      targetType: "STAGE",
      targetId: stage.key,
      before: { gateEnabled: stage.gateEnabled },
      after: { gateEnabled: input.enabled },
    });
    return ok();
  },
});
