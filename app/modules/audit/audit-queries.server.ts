// The audit log's page and its exports (CSV and spreadsheet), for administrators.
import type { TFunction } from "i18next";
import type { Prisma } from "~/generated/prisma/client";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { csvStream, mapPages } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import { startOfLabDay } from "~/utils/format";
import { dayAfter } from "~/utils/iso-day";
import { pageOf, pages, parseFilters } from "~/utils/query";
import { MAX_ID } from "~/utils/schema";
import { rowsOf, xlsxStream, type XlsxColumn } from "~/utils/xlsx.server";
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

type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof select }>;

/** The entries under the filters, newest first, a page at a time. */
async function* auditPages(user: SessionUser, filters: AuditFilters): AsyncGenerator<AuditRow[]> {
  requirePermission(user, "admin:audit");
  let cursor = MAX_ID;
  for (;;) {
    const rows = await prisma.auditEntry.findMany({ where: { ...where(filters), id: { lte: cursor } }, orderBy: { id: "desc" }, take: 500, select });
    if (!rows.length) return;
    cursor = rows[rows.length - 1].id - 1;
    yield rows;
  }
}

/** The CSV: codes, ISO times and the before and after as the JSON they are stored as. */
export function exportAudit(user: SessionUser, filters: AuditFilters) {
  requirePermission(user, "admin:audit");
  return csvStream(
    ["id", "createdAt", "actor", "action", "targetType", "targetId", "before", "after", "ip"],
    mapPages(auditPages(user, filters), (r) => [
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
  );
}

const parsed = (json: string | null): Record<string, unknown> => {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
};

/**
 * What an entry changed, one line a field: "Loma: SUBMITTER → MANAGER" for a field before and after,
 * "E-pasts: anna@example.lv" for a field only after (or only before, crossed out by "→ —").
 */
export function changeLines(before: string | null, after: string | null, t: TFunction): string {
  const was = parsed(before);
  const became = parsed(after);
  const text = (value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return t(value ? "audit.file.yes" : "audit.file.no");
    if (Array.isArray(value)) return value.map(text).join(", ") || "—";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value as string | number);
  };
  const keys = [...new Set([...Object.keys(was), ...Object.keys(became)])];
  return keys
    .map((key) => {
      const name = t(`audit.file.fields.${key}`, { defaultValue: key });
      if (!(key in became)) return `${name}: ${text(was[key])} → —`;
      if (!(key in was)) return `${name}: ${text(became[key])}`;
      return `${name}: ${text(was[key])} → ${text(became[key])}`;
    })
    .join("\n");
}

/** The spreadsheet: headings, actions and targets in the reader's language, times as dates, the change as lines of text. */
export function exportAuditXlsx(user: SessionUser, filters: AuditFilters, t: TFunction) {
  requirePermission(user, "admin:audit");
  const columns: XlsxColumn<AuditRow>[] = [
    { header: t("audit.file.id"), width: 8, value: (r) => r.id },
    { header: t("audit.when"), width: 18, date: "time", value: (r) => r.createdAt },
    { header: t("audit.file.actorName"), width: 24, value: (r) => r.actor?.name ?? "" },
    { header: t("audit.file.actorEmail"), width: 30, value: (r) => r.actor?.email ?? "" },
    { header: t("audit.action"), width: 34, value: (r) => t(`audit.actions.${r.action}`, { defaultValue: r.action }) },
    {
      header: t("audit.file.targetType"),
      width: 16,
      value: (r) => (r.targetType ? t(`audit.file.targets.${r.targetType}`, { defaultValue: r.targetType }) : ""),
    },
    { header: t("audit.file.targetId"), width: 20, value: (r) => r.targetId ?? "" },
    { header: t("audit.change"), width: 60, wrap: true, value: (r) => changeLines(r.before, r.after, t) },
    { header: t("audit.file.ip"), width: 18, value: (r) => r.ip ?? "" },
  ];
  return xlsxStream({ sheet: t("audit.title"), columns, rows: rowsOf(auditPages(user, filters)) });
}
