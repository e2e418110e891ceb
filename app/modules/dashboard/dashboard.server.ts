// The managers' dashboard: filters from the URL, figures from the database, and the same figures
// as rows for the CSV export.
import { activeStages } from "~/modules/stage/stages.server";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { dropUnknown, parseFilters } from "~/utils/query";
import { DashboardQuerySchema, MAX_PERIOD_YEARS } from "./dashboard.schema";
import * as figures from "./dashboard.sqlite.server";
import { monthsOf, presetPeriod, type Period } from "./period";

export type DashboardFilters = { period: Period; institutionId?: number; principle?: string };

/**
 * Reads the filters. A malformed or impossible filter is named in `errors` and replaced by its
 * default, so the page always shows figures.
 */
export function parseDashboardFilters(params: URLSearchParams, known: { institutionIds: number[] }, today = new Date()) {
  const { filters, invalid: errors } = parseFilters(DashboardQuerySchema, params, []);
  dropUnknown(filters, errors, "institution", (id: number) => known.institutionIds.includes(id));
  const year = presetPeriod("year", today);
  const askedDates = !!(filters.from || filters.to || errors.includes("from") || errors.includes("to"));
  const preset = filters.period ?? (askedDates ? "custom" : "year");
  let period: Period = year;
  if (preset !== "custom") period = presetPeriod(preset, today);
  else if (filters.from || filters.to) {
    // A missing end is filled from this year before the two are compared.
    const from = filters.from ?? year.from;
    const to = filters.to ?? year.to;
    if (to < from) errors.push("order");
    else if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_PERIOD_YEARS) errors.push("span");
    else period = { preset: "custom", from, to };
  }
  return { filters: { period, institutionId: filters.institution, principle: filters.principle } as DashboardFilters, errors: [...new Set(errors)] };
}

export async function getDashboard(user: SessionUser, filters: DashboardFilters, locale: Locale, now = new Date()) {
  requirePermission(user, "dashboard:view");
  const f = { from: filters.period.from, to: filters.period.to, institutionId: filters.institutionId, principle: filters.principle };
  const [stages, principles, institutions] = await Promise.all([
    activeStages(),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
    prisma.institution.findMany(),
  ]);
  // SQLite answers one query at a time; these run in turn on its connection.
  const entries = await figures.stageEntries(f);
  const headline = await figures.headline(f, stages, entries);
  const results = await figures.experimentResults(f);
  const counts = await figures.stageCounts(f);
  const times = await figures.timeInStage(
    f,
    stages.filter((s) => s.kind === "INTAKE" || s.kind === "WORK").map((s) => s.id),
  );
  const monthly = await figures.throughput(f);
  const matrix = await figures.principleStageMatrix(f);
  const institutionsCount = await figures.byInstitution(f);
  const stale = await figures.staleIdeas(
    f,
    now,
    stages.filter((s) => s.kind === "WORK").map((s) => s.id),
  );
  const name = (r: { nameLv: string; nameEn: string }) => localName(locale, r);
  const stageName = new Map(stages.map((s) => [s.id, name(s)]));
  const institutionName = new Map(institutions.map((i) => [i.id, name(i)]));
  // Conversion follows the flow: the stages in order, leaving out the stopped column.
  const flow = stages.filter((s) => s.kind !== "CLOSED_STOPPED");
  const funnel = stages.map((s) => ({ key: s.key, name: name(s), kind: s.kind, now: counts.get(s.id) ?? 0, entered: entries.get(s.id) ?? 0 }));
  const pairs = flow.slice(0, -1).map((s, i) => ({ stageId: s.id, nextId: flow[i + 1].id }));
  const moved = await figures.conversions(f, pairs);
  const conversion = pairs.map(({ stageId, nextId }) => {
    const { left, forward } = moved.get(stageId) ?? { left: 0, forward: 0 };
    return { from: stageName.get(stageId)!, to: stageName.get(nextId)!, fromCount: left, toCount: forward, rate: left ? forward / left : null };
  });
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    period: filters.period,
    headline,
    experiments: {
      completed: results.reduce((sum, r) => sum + r.count, 0),
      byResult: ["VALIDATED", "INVALIDATED", "INCONCLUSIVE"].map((result) => ({ result, count: results.find((r) => r.result === result)?.count ?? 0 })),
    },
    funnel,
    conversion,
    timeInStage: stages
      .filter((s) => s.kind === "INTAKE" || s.kind === "WORK")
      .map((s) => {
        const t = times.get(s.id);
        return { key: s.key, name: name(s), stays: t?.stays ?? 0, median: t ? round(t.median) : null, p90: t ? round(t.p90) : null };
      }),
    throughput: monthsOf(filters.period).map((month) => ({ month, ...(monthly.get(month) ?? { entered: 0, implemented: 0, stopped: 0 }) })),
    matrix: {
      stages: stages.map((s) => ({ id: s.id, key: s.key, name: name(s) })),
      rows: principles.map((p) => ({
        key: p.key,
        title: localName(locale, p, "title"),
        counts: stages.map((s) => matrix.find((m) => m.principle === p.key && m.stageId === s.id)?.count ?? 0),
      })),
    },
    institutions: [...institutionsCount]
      .map(([id, count]) => ({ id, name: institutionName.get(id) ?? String(id), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale)),
    stale: {
      total: stale.total,
      ideas: stale.ideas.map((i) => ({ ...i, stage: stageName.get(i.stageId) ?? "", institution: institutionName.get(i.institutionId) ?? "" })),
    },
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** The figures behind each chart, as rows for the CSV export: section, label, series, value. */
export function dashboardRows(d: Dashboard): string[][] {
  const rows: string[][] = [["section", "label", "series", "value"]];
  rows.push(["period", d.period.from, "to", d.period.to]);
  for (const [key, value] of Object.entries(d.headline)) rows.push(["headline", key, "", String(value)]);
  rows.push(["experiments", "completed", "", String(d.experiments.completed)]);
  for (const r of d.experiments.byResult) rows.push(["experiments", r.result, "", String(r.count)]);
  for (const s of d.funnel) {
    rows.push(["funnel", s.name, "now", String(s.now)]);
    rows.push(["funnel", s.name, "entered", String(s.entered)]);
  }
  for (const c of d.conversion) rows.push(["conversion", `${c.from} → ${c.to}`, "rate", c.rate === null ? "" : c.rate.toFixed(3)]);
  for (const s of d.timeInStage) {
    rows.push(["timeInStage", s.name, "median_days", s.median === null ? "" : String(s.median)]);
    rows.push(["timeInStage", s.name, "p90_days", s.p90 === null ? "" : String(s.p90)]);
  }
  for (const m of d.throughput) {
    rows.push(["throughput", m.month, "entered", String(m.entered)]);
    rows.push(["throughput", m.month, "implemented", String(m.implemented)]);
    rows.push(["throughput", m.month, "stopped", String(m.stopped)]);
  }
  for (const r of d.matrix.rows) r.counts.forEach((count, i) => rows.push(["principleByStage", r.title, d.matrix.stages[i].name, String(count)]));
  for (const i of d.institutions) rows.push(["byInstitution", i.name, "submitted", String(i.count)]);
  for (const i of d.stale.ideas) rows.push(["stale", `${i.id}: ${i.title}`, "days_inactive", String(i.days)]);
  return rows;
}
