// The audit log's page and CSV, for administrators.
import type { Prisma } from "~/generated/prisma/client";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { csvStream } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import { startOfLabDay } from "~/utils/format";
import { dayAfter } from "~/utils/iso-day";
import { pageOf, pages, parseFilters } from "~/utils/query";
import { MAX_ID } from "~/utils/schema";
import { AuditFiltersSchema, type AuditFilters } from "./audit.schema";

export const AUDIT_PAGE = 50;

export function parseAuditFilters(params: URLSearchParams) {
  const { filters, invalid } = parseFilters(AuditFiltersSchema, params);
  if (filters.from && filters.to && filters.to < filters.from) {
    invalid.push("to");
    delete filters.to;
  }
  return { filters: filters as AuditFilters, invalid };
}

function where(filters: AuditFilters): Prisma.AuditEntryWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  // Days are the lab's days, as the log shows its times.
  if (filters.from) createdAt.gte = startOfLabDay(filters.from);
  if (filters.to) createdAt.lt = startOfLabDay(dayAfter(filters.to));
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actor: { email: { contains: filters.actor.toLowerCase() } } } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

const select = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  ip: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditEntrySelect;

export async function listAudit(user: SessionUser, filters: AuditFilters) {
  requirePermission(user, "admin:audit");
  const { skip, take, current: page } = pageOf(filters.page, AUDIT_PAGE);
  const [rows, total] = await Promise.all([
    prisma.auditEntry.findMany({ where: where(filters), orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take, select }),
    prisma.auditEntry.count({ where: where(filters) }),
  ]);
  return {
    entries: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total,
    page,
    pages: pages(total, AUDIT_PAGE),
  };
}

export function exportAudit(user: SessionUser, filters: AuditFilters) {
  requirePermission(user, "admin:audit");
  return csvStream(["id", "createdAt", "actor", "action", "targetType", "targetId", "before", "after", "ip"], MAX_ID, async (cursor) => {
    const rows = await prisma.auditEntry.findMany({ where: { ...where(filters), id: { lte: cursor } }, orderBy: { id: "desc" }, take: 500, select });
    if (!rows.length) return null;
    return {
      cursor: rows[rows.length - 1].id - 1,
      lines: rows.map((r) => [
        r.id,
        r.createdAt.toISOString(),
        r.actor?.email ?? "",
        r.action,
        r.targetType ?? "",
        r.targetId ?? "",
        r.before ?? "",
        r.after ?? "",
        r.ip ?? "",
      ]),
    };
  });
}
