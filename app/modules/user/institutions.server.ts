// Administration of institutions: add, rename (lv/en), deactivate (kept for history, hidden from
// new ideas) and reactivate, and their e-mail domains (single sign-on puts a new person whose e-mail
// is at one of them in the institution). Every change is audited.
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { errorMessage } from "~/utils/i18n";
import { MAX_DOMAINS } from "./institution.schema";

export async function listInstitutions(user: SessionUser) {
  requirePermission(user, "admin:institutions");
  const rows = await prisma.institution.findMany({
    orderBy: [{ active: "desc" }, { nameLv: "asc" }],
    include: { _count: { select: { users: true, ideas: true } }, domains: { select: { domain: true }, orderBy: { domain: "asc" } } },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameLv: r.nameLv,
    nameEn: r.nameEn,
    active: r.active,
    users: r._count.users,
    ideas: r._count.ideas,
    domains: r.domains.map((d) => d.domain),
  }));
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

/**
 * Sets an institution's e-mail domains (lower case, checked by the form's schema) to exactly these:
 * none clears them. A domain another institution has is refused beside the field, naming that
 * institution; a domain belongs to one institution only.
 */
export const setInstitutionDomains = command<{ institutionId: number; domains: string[] }>({
  permission: "admin:institutions",
  async run({ tx, actor, emit }, { institutionId, domains }) {
    const current = await tx.institution.findUnique({ where: { id: institutionId }, include: { domains: { select: { domain: true } } } });
    if (!current) return fail(404);
    if (domains.length > MAX_DOMAINS) return fail(400, { domains: errorMessage("admin:institutions.errors.domainsTooMany", { max: MAX_DOMAINS }) });
    const taken = domains.length
      ? await tx.institutionDomain.findMany({
          where: { domain: { in: domains }, institutionId: { not: institutionId } },
          select: { domain: true, institution: { select: { code: true, nameLv: true, nameEn: true } } },
          orderBy: { domain: "asc" },
        })
      : [];
    if (taken.length)
      return fail(400, {
        domains: taken.map(({ domain, institution }) => errorMessage("admin:institutions.errors.domainTaken", { domain, ...institution })),
      });
    const before = current.domains.map((d) => d.domain).sort();
    const after = [...domains].sort();
    if (before.join(" ") === after.join(" ")) return ok();
    await tx.institutionDomain.deleteMany({ where: { institutionId, domain: { notIn: after } } });
    const added = after.filter((d) => !before.includes(d));
    if (added.length) await tx.institutionDomain.createMany({ data: added.map((domain) => ({ domain, institutionId })) });
    await emit({
      kind: "audit",
      action: "INSTITUTION_UPDATE",
      actorId: actor.id,
      targetType: "INSTITUTION",
      targetId: current.code,
      before: { domains: before },
      after: { domains: after },
    });
    return ok();
  },
  // Another institution given the same domain at the same moment: the second meets the first at the key.
  recover: async (error) => (isUniqueViolation(error) ? fail(400, { domains: "admin:institutions.errors.domainTakenMeanwhile" }) : undefined),
});
