// Administration of institutions: add, rename (lv/en), deactivate (kept for history, hidden from
// new ideas) and reactivate. Every change is audited.
import { z } from "zod";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { errorMessage } from "~/utils/i18n";
import { can } from "~/utils/permissions";

const name = z.string({ error: errorMessage("required") }).trim().min(2, errorMessage("tooShort", { min: 2 })).max(200, errorMessage("tooLong", { max: 200 }));

export const InstitutionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      code: z.string({ error: errorMessage("required") }).trim().toUpperCase().regex(/^[A-Z0-9]{2,10}$/, errorMessage("institutionCode")),
      nameLv: name,
      nameEn: name,
    }),
    z.object({ intent: z.literal("rename"), institutionId: z.number().int().positive(), nameLv: name, nameEn: name }),
    z.object({ intent: z.literal("deactivate"), institutionId: z.number().int().positive() }),
    z.object({ intent: z.literal("reactivate"), institutionId: z.number().int().positive() }),
  ],
  { error: errorMessage("invalid") },
);
export type InstitutionAction = z.infer<typeof InstitutionSchema>;

function requireAdmin(user: SessionUser) {
  if (!can(user, "admin:institutions")) httpError(403);
}

export async function listInstitutions(user: SessionUser) {
  requireAdmin(user);
  const rows = await prisma.institution.findMany({ orderBy: [{ active: "desc" }, { nameLv: "asc" }], include: { _count: { select: { users: true, ideas: true } } } });
  return rows.map((r) => ({ id: r.id, code: r.code, nameLv: r.nameLv, nameEn: r.nameEn, active: r.active, users: r._count.users, ideas: r._count.ideas }));
}

export async function changeInstitution(user: SessionUser, value: InstitutionAction): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
  requireAdmin(user);
  if (value.intent === "create") {
    if (await prisma.institution.findUnique({ where: { code: value.code } })) return { ok: false, field: "code", message: "admin:institutions.errors.duplicate" };
    try {
      await prisma.$transaction(async (tx) => {
        const created = await tx.institution.create({ data: { code: value.code, nameLv: value.nameLv, nameEn: value.nameEn } });
        await audit({ actorId: user.id, action: "institution.create", targetType: "institution", targetId: created.code, after: { nameLv: value.nameLv, nameEn: value.nameEn } }, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, field: "code", message: "admin:institutions.errors.duplicate" };
      throw error;
    }
    return { ok: true };
  }
  const current = await prisma.institution.findUnique({ where: { id: value.institutionId } });
  if (!current) httpError(404);
  const data =
    value.intent === "rename" ? { nameLv: value.nameLv, nameEn: value.nameEn } : { active: value.intent === "reactivate" };
  await prisma.$transaction(async (tx) => {
    await tx.institution.update({ where: { id: current.id }, data });
    const before = value.intent === "rename" ? { nameLv: current.nameLv, nameEn: current.nameEn } : { active: current.active };
    await audit({ actorId: user.id, action: "institution.update", targetType: "institution", targetId: current.code, before, after: data }, tx);
  });
  return { ok: true };
}
