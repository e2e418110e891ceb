// Administration of institutions: add, rename (lv/en), deactivate (kept for history, hidden from
// new ideas) and reactivate. Every change is audited.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";

export async function listInstitutions(user: SessionUser) {
  requirePermission(user, "admin:institutions");
  const rows = await prisma.institution.findMany({
    orderBy: [{ active: "desc" }, { nameLv: "asc" }],
    include: { _count: { select: { users: true, ideas: true } } },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, nameLv: r.nameLv, nameEn: r.nameEn, active: r.active, users: r._count.users, ideas: r._count.ideas }));
}

const duplicate = () => fail(400, { code: "admin:institutions.errors.duplicate" });

export const createInstitution = command<{ code: string; nameLv: string; nameEn: string }>({
  permission: "admin:institutions",
  async run({ tx, actor, emit }, input) {
    if (await tx.institution.findUnique({ where: { code: input.code } })) return duplicate();
    const created = await tx.institution.create({ data: input });
    await emit({
      kind: "audit",
      action: "INSTITUTION_CREATE",
      actorId: actor.id,
      targetType: "INSTITUTION",
      targetId: created.code,
      after: { nameLv: input.nameLv, nameEn: input.nameEn },
    });
    return ok();
  },
  // The same institution added twice at once: the second meets the first at the unique code.
  recover: async (error) => (isUniqueViolation(error) ? duplicate() : undefined),
});

/** Renames an institution, or (de)activates it: `change` is the new names or the new state. */
export const changeInstitution = command<{ institutionId: number; change: { nameLv: string; nameEn: string } | { active: boolean } }>({
  permission: "admin:institutions",
  async run({ tx, actor, emit }, { institutionId, change }) {
    const current = await tx.institution.findUnique({ where: { id: institutionId } });
    if (!current) return fail(404);
    await tx.institution.update({ where: { id: current.id }, data: change });
    const before = "active" in change ? { active: current.active } : { nameLv: current.nameLv, nameEn: current.nameEn };
    await emit({ kind: "audit", action: "INSTITUTION_UPDATE", actorId: actor.id, targetType: "INSTITUTION", targetId: current.code, before, after: change });
    return ok();
  },
});
