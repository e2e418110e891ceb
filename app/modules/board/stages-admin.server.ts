// Administration of stages: rename (lv/en), set WIP limits, reorder the work stages, add a work
// stage, archive one that holds no ideas. The board follows at once. Every change is audited.
import { z } from "zod";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { errorMessage } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { foldForSearch } from "~/utils/text";

const name = z.string({ error: errorMessage("required") }).trim().min(1, errorMessage("required")).max(80, errorMessage("tooLong", { max: 80 }));
const stageId = z.number().int().positive();

export const StageAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("update"),
      stageId,
      nameLv: name,
      nameEn: name,
      wipLimit: z.number({ error: errorMessage("wholeNumber") }).int(errorMessage("wholeNumber")).min(1, errorMessage("wipMin")).max(10_000, errorMessage("tooLarge")).optional(),
    }),
    z.object({ intent: z.literal("move"), stageId, direction: z.enum(["up", "down"]), order: z.string().regex(/^\d+(,\d+)*$/) }),
    z.object({ intent: z.literal("create"), nameLv: name, nameEn: name }),
    z.object({ intent: z.literal("archive"), stageId }),
    z.object({ intent: z.literal("gate"), stage: z.string().min(1).max(60), enabled: z.enum(["true", "false"]) }),
  ],
  { error: errorMessage("invalid") },
);
export type StageAdminValue = z.infer<typeof StageAdminSchema>;

function requireAdmin(user: SessionUser) {
  if (!can(user, "admin:stages")) httpError(403);
}

export async function listStages(user: SessionUser) {
  requireAdmin(user);
  const stages = await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, include: { _count: { select: { ideas: true } } } });
  return stages.map((s) => ({ id: s.id, key: s.key, nameLv: s.nameLv, nameEn: s.nameEn, kind: s.kind, wipLimit: s.wipLimit, gateEnabled: s.gateEnabled, ideas: s._count.ideas }));
}

type Result = { ok: true } | { ok: false; status: 400 | 409; field?: string; message: string };

export async function changeStage(user: SessionUser, value: Exclude<StageAdminValue, { intent: "gate" }>): Promise<Result> {
  requireAdmin(user);
  const stages = await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } });
  if (value.intent === "create") {
    const base = foldForSearch(value.nameEn).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "stage";
    let key = base;
    for (let n = 2; await prisma.stage.findUnique({ where: { key } }); n++) key = `${base}-${n}`;
    const lastWork = stages.filter((s) => s.kind === "WORK" || s.kind === "INTAKE").at(-1)!;
    const order = [...stages];
    await prisma.$transaction(async (tx) => {
      const created = await tx.stage.create({ data: { key, nameLv: value.nameLv, nameEn: value.nameEn, kind: "WORK", position: 0 } });
      order.splice(order.indexOf(lastWork) + 1, 0, created);
      for (const [i, s] of order.entries()) await tx.stage.update({ where: { id: s.id }, data: { position: i + 1 } });
      await audit({ actorId: user.id, action: "stage.create", targetType: "stage", targetId: key, after: { nameLv: value.nameLv, nameEn: value.nameEn } }, tx);
    });
    return { ok: true };
  }
  const stage = stages.find((s) => s.id === value.stageId);
  if (!stage) httpError(404);
  if (value.intent === "update") {
    const after = { nameLv: value.nameLv, nameEn: value.nameEn, wipLimit: value.wipLimit ?? null };
    await prisma.$transaction(async (tx) => {
      await tx.stage.update({ where: { id: stage.id }, data: after });
      await audit({ actorId: user.id, action: "stage.update", targetType: "stage", targetId: stage.key, before: { nameLv: stage.nameLv, nameEn: stage.nameEn, wipLimit: stage.wipLimit }, after }, tx);
    });
    return { ok: true };
  }
  if (value.intent === "archive") {
    if (stage.kind !== "WORK") return { ok: false, status: 400, message: "admin:stages.errors.onlyWork" };
    const ideas = await prisma.idea.count({ where: { stageId: stage.id } });
    if (ideas > 0) return { ok: false, status: 400, message: "admin:stages.errors.notEmpty" };
    await prisma.$transaction(async (tx) => {
      await tx.stage.update({ where: { id: stage.id }, data: { archivedAt: new Date() } });
      await audit({ actorId: user.id, action: "stage.archive", targetType: "stage", targetId: stage.key }, tx);
    });
    return { ok: true };
  }
  // Reorder: the list the admin saw must still be the list there is.
  if (value.order !== stages.map((s) => s.id).join(",")) return { ok: false, status: 409, message: "admin:stages.errors.staleOrder" };
  const work = stages.filter((s) => s.kind === "WORK");
  const index = work.indexOf(stage);
  const swapWith = work[value.direction === "up" ? index - 1 : index + 1];
  if (index === -1 || !swapWith) return { ok: false, status: 400, message: "admin:stages.errors.cannotMove" };
  await prisma.$transaction(async (tx) => {
    await tx.stage.update({ where: { id: stage.id }, data: { position: swapWith.position } });
    await tx.stage.update({ where: { id: swapWith.id }, data: { position: stage.position } });
    await audit({ actorId: user.id, action: "stage.reorder", targetType: "stage", targetId: stage.key, before: { position: stage.position }, after: { position: swapWith.position } }, tx);
  });
  return { ok: true };
}
