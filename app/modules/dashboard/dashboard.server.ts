// The managers' dashboard: filters from the URL, figures from the database, and the same figures
// as rows for the exports (CSV and spreadsheet).
import type { TFunction } from "i18next";
import { activeStages } from "~/modules/stage/stages.server";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { compareNames } from "~/utils/format";
import { type Locale, localName } from "~/utils/i18n";
import { dropUnknown, parseFilters } from "~/utils/query";
import { xlsxStream } from "~/utils/xlsx.server";
import { DashboardQuerySchema, MAX_PERIOD_YEARS, PERIOD_PRESETS } from "./dashboard.schema";
import type { FigureFilters } from "./dashboard.figures";
import { dashboardFigures } from "./figures.server";
import { monthsOf, presetPeriod, type Period } from "./period";

export type DashboardFilters = { period: Period; institutionId?: number; principle?: string };

/**
 * The query without the dates a preset period ignores, or null when it has none. The filter form
 * sent without JavaScript carries the date fields whatever the period; the loader redirects to this,
 * so the URL (and a link copied from it) says only what is shown.
 */
export function withoutStaleDates(params: URLSearchParams): URLSearchParams | null {
  const period = params.get("period");
  const preset = period !== "custom" && (PERIOD_PRESETS as readonly (string | null)[]).includes(period);
  if (!preset || (!params.has("from") && !params.has("to"))) return null;
  const kept = new URLSearchParams(params);
  kept.delete("from");
  kept.delete("to");
  return kept;
}

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
  const [stages, principles, institutions] = await Promise.all([
    activeStages(),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
    prisma.institution.findMany(),
  ]);
  // A principle the database lacks (the filter lets only the known keys through) matches nothing.
  const principleId = filters.principle ? (principles.find((p) => p.key === filters.principle)?.id ?? 0) : undefined;
  const f: FigureFilters = { from: filters.period.from, to: filters.period.to, institutionId: filters.institutionId, principleId };
  const figures = dashboardFigures();
  const ofKind = (...kinds: string[]) => stages.filter((s) => kinds.includes(s.kind)).map((s) => s.id);
  // Conversion follows the flow: the stages in order, leaving out the stopped column.
  const flow = stages.filter((s) => s.kind !== "CLOSED_STOPPED");
  const nextOf = new Map(flow.slice(0, -1).map((s, i) => [s.id, flow[i + 1].id]));
  const timed = ofKind("INTAKE", "WORK");
  const stageIds = stages.map((s) => s.id);
  const principleIds = principles.map((p) => p.id);
  const withNext = stages.map((s) => ({ stageId: s.id, nextId: nextOf.get(s.id) ?? null }));
  // One grouped query per figure; PostgreSQL runs them side by side, SQLite one after another.
  const [submissions, onBoard, declined, results, entries, exits, stale] = await Promise.all([
    figures.submissions(f),
    figures.onBoard(f, stageIds, principleIds),
    figures.declined(f),
    figures.experimentResults(f),
    figures.entries(f, stageIds),
    figures.exits(f, withNext),
    figures.staleIdeas(f, now, ofKind("WORK")),
  ]);
  const left = new Map(exits.map((e) => [e.stageId, e]));
  const times = new Map(
    (
      await figures.timeInStage(
        f,
        timed.map((stageId) => ({ stageId, stays: left.get(stageId)?.left ?? 0 })),
      )
    ).map((t) => [t.stageId, t]),
  );
  const name = (r: { nameLv: string; nameEn: string }) => localName(locale, r);
  const stageName = new Map(stages.map((s) => [s.id, name(s)]));
  const institutionName = new Map(institutions.map((i) => [i.id, name(i)]));
  const sum = <T>(list: T[], count: (r: T) => number) => list.reduce((total, r) => total + count(r), 0);
  const board = new Map(onBoard.map((r) => [r.stageId, r]));
  const entered = new Map<number, number>();
  for (const r of entries) entered.set(r.stageId, (entered.get(r.stageId) ?? 0) + r.count);
  const enteredKind = (kind: string) => sum(ofKind(kind), (id) => entered.get(id) ?? 0);
  const submittedBy = new Map<number, number>();
  for (const r of submissions) submittedBy.set(r.institutionId, (submittedBy.get(r.institutionId) ?? 0) + r.count);
  const months = new Map(monthsOf(filters.period).map((month) => [month, { entered: 0, implemented: 0, stopped: 0 }]));
  for (const r of submissions) {
    const m = months.get(r.month);
    if (m) m.entered += r.count;
  }
  const implemented = new Set(ofKind("CLOSED_SUCCESS"));
  const stopped = new Set(ofKind("CLOSED_STOPPED"));
  for (const r of entries) {
    const m = months.get(r.month);
    if (m && implemented.has(r.stageId)) m.implemented += r.count;
    if (m && stopped.has(r.stageId)) m.stopped += r.count;
  }
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    period: filters.period,
    headline: {
      submitted: sum(submissions, (r) => r.count),
      inPipeline: sum(timed, (id) => board.get(id)?.count ?? 0),
      implemented: enteredKind("CLOSED_SUCCESS"),
      stopped: enteredKind("CLOSED_STOPPED"),
      declined,
    },
    experiments: {
      completed: sum(results, (r) => r.count),
      byResult: ["VALIDATED", "INVALIDATED", "INCONCLUSIVE"].map((result) => ({ result, count: results.find((r) => r.result === result)?.count ?? 0 })),
    },
    funnel: stages.map((s) => ({ key: s.key, name: name(s), kind: s.kind, now: board.get(s.id)?.count ?? 0, entered: entered.get(s.id) ?? 0 })),
    conversion: flow.slice(0, -1).map((s) => {
      const { left: fromCount, forward: toCount } = left.get(s.id) ?? { left: 0, forward: 0 };
      return { from: name(s), to: stageName.get(nextOf.get(s.id)!)!, fromCount, toCount, rate: fromCount ? toCount / fromCount : null };
    }),
    timeInStage: stages
      .filter((s) => timed.includes(s.id))
      .map((s) => {
        const t = times.get(s.id);
        return { key: s.key, name: name(s), stays: left.get(s.id)?.left ?? 0, median: t ? round(t.median) : null, p90: t ? round(t.p90) : null };
      }),
    throughput: [...months].map(([month, m]) => ({ month, ...m })),
    matrix: {
      stages: stages.map((s) => ({ id: s.id, key: s.key, name: name(s) })),
      rows: principles.map((p) => ({
        key: p.key,
        title: localName(locale, p, "title"),
        counts: stages.map((s) => board.get(s.id)?.byPrinciple[principleIds.indexOf(p.id)] ?? 0),
      })),
    },
    institutions: [...submittedBy]
      .map(([id, count]) => ({ id, name: institutionName.get(id) ?? String(id), count }))
      .sort((a, b) => b.count - a.count || compareNames(locale, a.name, b.name)),
    stale: {
      total: stale.total,
      ideas: stale.ideas.map((i) => ({ ...i, stage: stageName.get(i.stageId) ?? "", institution: institutionName.get(i.institutionId) ?? "" })),
    },
  };
}

/** Rebuilds the stays and the daily counts from the events, on the database's engine. */
export const rebuildFlowFigures = () => dashboardFigures().rebuildFlowFigures();

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * One figure behind a chart: its section, what it counts (a code, a name or a month), the series,
 * and the value. `label` is a code when `coded` (translated in the spreadsheet), else a name.
 */
export type FigureRow = { section: string; label: string; coded: boolean; series: string; value: number | null };

/** The figures behind each chart, in the order of the page (the period aside). */
export function figureRows(d: Dashboard): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (section: string, label: string, coded: boolean, series: string, value: number | null) => rows.push({ section, label, coded, series, value });
  for (const [key, value] of Object.entries(d.headline)) add("headline", key, true, "", value);
  add("experiments", "completed", true, "", d.experiments.completed);
  for (const r of d.experiments.byResult) add("experiments", r.result, true, "", r.count);
  for (const s of d.funnel) {
    add("funnel", s.name, false, "now", s.now);
    add("funnel", s.name, false, "entered", s.entered);
  }
  for (const c of d.conversion) add("conversion", `${c.from} → ${c.to}`, false, "rate", c.rate);
  for (const s of d.timeInStage) {
    add("timeInStage", s.name, false, "median_days", s.median);
    add("timeInStage", s.name, false, "p90_days", s.p90);
  }
  for (const m of d.throughput) {
    add("throughput", m.month, false, "entered", m.entered);
    add("throughput", m.month, false, "implemented", m.implemented);
    add("throughput", m.month, false, "stopped", m.stopped);
  }
  for (const r of d.matrix.rows) r.counts.forEach((count, i) => add("principleByStage", r.title, false, d.matrix.stages[i].name, count));
  for (const i of d.institutions) add("byInstitution", i.name, false, "submitted", i.count);
  for (const i of d.stale.ideas) add("stale", `${i.id}: ${i.title}`, false, "days_inactive", i.days);
  return rows;
}

/** The figures behind each chart, as rows for the CSV export: section, label, series, value. */
export function dashboardRows(d: Dashboard): string[][] {
  const rows: string[][] = [["section", "label", "series", "value"]];
  rows.push(["period", d.period.from, "to", d.period.to]);
  for (const r of figureRows(d)) {
    const value = r.value === null ? "" : r.section === "conversion" ? r.value.toFixed(3) : String(r.value);
    rows.push([r.section, r.label, r.series, value]);
  }
  return rows;
}

/** Where each section's title and each series' name are in the dashboard's strings. */
const SECTION_TITLE: Record<string, string> = {
  headline: "headline.title",
  experiments: "results.title",
  funnel: "funnel.title",
  conversion: "conversion.title",
  timeInStage: "time.title",
  throughput: "throughput.title",
  principleByStage: "matrix.title",
  byInstitution: "institutions.title",
  stale: "stale.title",
};
const SERIES: Record<string, string> = {
  "funnel.now": "funnel.now",
  "funnel.entered": "funnel.entered",
  "conversion.rate": "conversion.rate",
  "timeInStage.median_days": "export.medianDays",
  "timeInStage.p90_days": "export.p90Days",
  "throughput.entered": "throughput.entered",
  "throughput.implemented": "throughput.implemented",
  "throughput.stopped": "throughput.stopped",
  "byInstitution.submitted": "institutions.count",
  "stale.days_inactive": "stale.days",
};

/**
 * The spreadsheet of the figures (`t` reads the dashboard's strings): the period's two days as
 * dates, then each figure with its section, label and series in words and its value as a number
 * (the conversion as a percentage).
 */
export function dashboardXlsx(d: Dashboard, t: TFunction) {
  type Row = { section: string; label: string; series: string; value: number | Date | null; percent?: boolean };
  const label = (r: FigureRow) => {
    if (!r.coded) return r.label;
    if (r.section === "headline") return t(`headline.${r.label}`);
    return r.label === "completed" ? t("headline.experimentsCompleted") : t(`experiments:result.${r.label}`);
  };
  const rows: Row[] = [
    { section: t("filters.period"), label: t("filters.from"), series: "", value: new Date(`${d.period.from}T00:00:00Z`) },
    { section: t("filters.period"), label: t("filters.to"), series: "", value: new Date(`${d.period.to}T00:00:00Z`) },
    ...figureRows(d).map((r) => ({
      section: t(SECTION_TITLE[r.section]),
      label: label(r),
      series: SERIES[`${r.section}.${r.series}`] ? t(SERIES[`${r.section}.${r.series}`]) : r.series,
      value: r.value,
      percent: r.section === "conversion",
    })),
  ];
  return xlsxStream<Row>({
    sheet: t("title"),
    columns: [
      { header: t("export.section"), width: 30, value: (r) => r.section },
      { header: t("export.label"), width: 44, value: (r) => r.label },
      { header: t("export.series"), width: 26, value: (r) => r.series },
      { header: t("export.value"), width: 14, date: "day", numFmt: (r) => (r.percent ? "0.0%" : undefined), value: (r) => r.value },
    ],
    rows,
  });
}

/**
 * The dashboard's headline figures alone (the home page shows them): this year by default, with
 * no filter, from the same figure queries as the dashboard, so the two never disagree.
 */
export async function getHeadline(user: SessionUser, stages: { id: number; kind: string }[], now = new Date(), period: Period = presetPeriod("year", now)) {
  requirePermission(user, "dashboard:view");
  const f: FigureFilters = { from: period.from, to: period.to };
  const figures = dashboardFigures();
  const ofKind = (...kinds: string[]) => stages.filter((s) => kinds.includes(s.kind)).map((s) => s.id);
  const [submissions, onBoard, declined, results, entries] = await Promise.all([
    figures.submissions(f),
    figures.onBoard(
      f,
      stages.map((s) => s.id),
      [],
    ),
    figures.declined(f),
    figures.experimentResults(f),
    figures.entries(f, ofKind("CLOSED_SUCCESS", "CLOSED_STOPPED")),
  ]);
  const sum = <T>(list: T[], count: (r: T) => number) => list.reduce((total, r) => total + count(r), 0);
  const timed = new Set(ofKind("INTAKE", "WORK"));
  const entered = (kind: string) => sum(entries, (r) => (ofKind(kind).includes(r.stageId) ? r.count : 0));
  return {
    period,
    submitted: sum(submissions, (r) => r.count),
    inPipeline: sum(onBoard, (r) => (timed.has(r.stageId) ? r.count : 0)),
    implemented: entered("CLOSED_SUCCESS"),
    stopped: entered("CLOSED_STOPPED"),
    declined,
    experimentsCompleted: sum(results, (r) => r.count),
  };
}
