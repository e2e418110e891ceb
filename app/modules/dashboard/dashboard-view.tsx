import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { useHydrated } from "~/utils/use-hydrated";
import { BarChart, DataTable, Figure, MonthlyChart, PatternDefs } from "./charts";
import type { Dashboard } from "./dashboard.server";
import { MAX_PERIOD_YEARS, PERIOD_PRESETS } from "./dashboard.schema";

type Options = { institutions: { id: number; name: string }[]; principles: { key: string; title: string }[] };

/**
 * The dashboard's filters. The two dates count only for the period "Custom dates": with JavaScript
 * they appear when it is chosen (filled with the period shown, to start from) and are otherwise left
 * out of the form, so the URL never carries dates that are not used; without JavaScript they are
 * always there, with a note saying so (and the loader drops them from the URL if a preset is chosen).
 */
export function DashboardFilters({
  options,
  values,
  shown,
  errors,
}: {
  options: Options;
  values: Record<string, string | undefined>;
  /** The period the figures are for, to fill the dates with when "Custom dates" is chosen. */
  shown: { from: string; to: string };
  errors: string[];
}) {
  const { t } = useTranslation("dashboard");
  const scripted = useHydrated();
  const [period, setPeriod] = useState(values.period ?? "year");
  const custom = period === "custom";
  const dates = !scripted || custom;
  return (
    <FilterBar
      label={t("filters.label")}
      clearTo="/dashboard"
      notice={errors.length ? errors.map((e) => <p key={e}>{t(`filters.errors.${e}`, { years: MAX_PERIOD_YEARS, count: MAX_PERIOD_YEARS })}</p>) : null}
      footer={
        scripted ? null : (
          <p id="dash-dates-help" className="mt-3 text-sm text-slate-700">
            {t("filters.datesHelp")}
          </p>
        )
      }
    >
      <FilterSelect
        id="dash-period"
        name="period"
        label={t("filters.period")}
        value={values.period}
        options={PERIOD_PRESETS.map((p) => [p, t(`filters.presets.${p}`)])}
        onChange={setPeriod}
      />
      {dates ? (
        <>
          <FilterInput
            id="dash-from"
            name="from"
            type="date"
            label={t("filters.from")}
            value={values.from ?? (scripted ? shown.from : undefined)}
            describedBy={scripted ? undefined : "dash-dates-help"}
          />
          <FilterInput
            id="dash-to"
            name="to"
            type="date"
            label={t("filters.to")}
            value={values.to ?? (scripted ? shown.to : undefined)}
            describedBy={scripted ? undefined : "dash-dates-help"}
          />
        </>
      ) : null}
      <FilterSelect
        id="dash-institution"
        name="institution"
        label={t("filters.institution")}
        value={values.institution}
        anyLabel={t("filters.all")}
        options={options.institutions.map((i) => [String(i.id), i.name])}
      />
      <FilterSelect
        id="dash-principle"
        name="principle"
        label={t("filters.principle")}
        value={values.principle}
        anyLabel={t("filters.all")}
        options={options.principles.map((p) => [p.key, p.title])}
      />
    </FilterBar>
  );
}

export function DashboardView({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation("dashboard");
  const num = (v: number) => formatNumber(i18n.language, v);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(i18n.language, v));
  const matrixMax = Math.max(1, ...d.matrix.rows.flatMap((r) => r.counts));
  const days = (v: number | null) => (v === null ? "—" : t("days", { count: v, formatted: formatNumber(i18n.language, v) }));
  const cards: [string, number][] = [
    ["submitted", d.headline.submitted],
    ["inPipeline", d.headline.inPipeline],
    ["implemented", d.headline.implemented],
    ["stopped", d.headline.stopped],
    ["declined", d.headline.declined],
    ["experimentsCompleted", d.experiments.completed],
  ];
  const resultSeries = d.experiments.byResult.map((r) => t(`experiments:result.${r.result}`));
  return (
    <div>
      <PatternDefs />
      <p className="mb-4">{t("periodShown", { from: formatDate(i18n.language, d.period.from), to: formatDate(i18n.language, d.period.to) })}</p>
      <section aria-labelledby="headline-title" className="mb-8">
        <h2 id="headline-title" className="sr-only">
          {t("headline.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
          {cards.map(([key, value]) => (
            <div key={key} className="rounded-lg bg-white p-4 shadow">
              <dt className="text-sm text-slate-700">{t(`headline.${key}`)}</dt>
              <dd className="text-3xl font-bold tabular-nums" data-testid={`headline-${key}`}>
                {num(value)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-700">
          {t("headline.results", {
            validated: num(d.experiments.byResult[0].count),
            invalidated: num(d.experiments.byResult[1].count),
            inconclusive: num(d.experiments.byResult[2].count),
          })}
        </p>
      </section>

      <h2 className="mb-3 text-2xl font-semibold">{t("flow")}</h2>
      <Figure
        id="funnel"
        title={t("funnel.title")}
        description={t("funnel.desc")}
        table={
          <DataTable
            caption={t("funnel.title")}
            head={[t("stage"), t("funnel.now"), t("funnel.entered")]}
            rows={d.funnel.map((s) => [s.name, num(s.now), num(s.entered)])}
          />
        }
      >
        <BarChart
          id="funnel-chart"
          title={t("funnel.title")}
          description={t("funnel.desc")}
          bars={d.funnel.map((s) => ({ label: s.name, values: [s.now] }))}
          series={[t("funnel.now")]}
        />
      </Figure>
      <Figure
        id="conversion"
        title={t("conversion.title")}
        description={t("conversion.desc")}
        table={
          <DataTable
            caption={t("conversion.title")}
            head={[t("conversion.step"), t("conversion.fromCount"), t("conversion.toCount"), t("conversion.rate")]}
            rows={d.conversion.map((c) => [`${c.from} → ${c.to}`, num(c.fromCount), num(c.toCount), pct(c.rate)])}
          />
        }
      >
        <BarChart
          id="conversion-chart"
          title={t("conversion.title")}
          description={t("conversion.desc")}
          bars={d.conversion.map((c) => ({ label: `${c.from} → ${c.to}`, values: [c.rate === null ? 0 : Math.round(c.rate * 100)], display: [pct(c.rate)] }))}
          series={[t("conversion.rate")]}
        />
      </Figure>
      <Figure
        id="time"
        title={t("time.title")}
        description={t("time.desc")}
        table={
          <DataTable
            caption={t("time.title")}
            head={[t("stage"), t("time.median"), t("time.p90"), t("time.stays")]}
            rows={d.timeInStage.map((s) => [s.name, days(s.median), days(s.p90), num(s.stays)])}
          />
        }
      >
        <BarChart
          id="time-chart"
          title={t("time.title")}
          description={t("time.desc")}
          bars={d.timeInStage.map((s) => ({ label: s.name, values: [s.median ?? 0, s.p90 ?? 0], display: [days(s.median), days(s.p90)] }))}
          series={[t("time.median"), t("time.p90")]}
        />
      </Figure>
      <Figure
        id="throughput"
        title={t("throughput.title")}
        description={t("throughput.desc")}
        table={
          <DataTable
            caption={t("throughput.title")}
            head={[t("throughput.month"), t("throughput.entered"), t("throughput.implemented"), t("throughput.stopped")]}
            rows={d.throughput.map((m) => [m.month, num(m.entered), num(m.implemented), num(m.stopped)])}
          />
        }
      >
        <MonthlyChart
          id="throughput-chart"
          title={t("throughput.title")}
          description={t("throughput.desc")}
          months={d.throughput.map((m) => ({ month: m.month, values: [m.entered, m.implemented, m.stopped] }))}
          series={[t("throughput.entered"), t("throughput.implemented"), t("throughput.stopped")]}
        />
      </Figure>

      <h2 className="mb-3 text-2xl font-semibold">{t("experimentsTitle")}</h2>
      <Figure
        id="results"
        title={t("results.title")}
        description={t("results.desc")}
        table={
          <DataTable
            caption={t("results.title")}
            head={[t("results.result"), t("results.count")]}
            rows={d.experiments.byResult.map((r, i) => [resultSeries[i], num(r.count)])}
          />
        }
      >
        <BarChart
          id="results-chart"
          title={t("results.title")}
          description={t("results.desc")}
          bars={d.experiments.byResult.map((r, i) => ({ label: resultSeries[i], values: [r.count] }))}
          series={[t("results.count")]}
        />
      </Figure>

      <h2 className="mb-3 text-2xl font-semibold">{t("portfolio")}</h2>
      <section aria-labelledby="matrix-title" className="mb-8 rounded-lg bg-white p-4 shadow">
        <h3 id="matrix-title" className="mb-1 text-lg font-semibold">
          {t("matrix.title")}
        </h3>
        <p className="mb-3 text-sm text-slate-700">{t("matrix.desc")}</p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("matrix.scroll")}>
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  {t("matrix.principle")}
                </th>
                {d.matrix.stages.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1 text-right">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.matrix.rows.map((row) => {
                return (
                  <tr key={row.key}>
                    <th scope="row" className="border-t border-slate-200 px-2 py-1 text-left font-normal">
                      {row.title}
                    </th>
                    {row.counts.map((count, i) => (
                      <td key={i} className={`border-t border-slate-200 px-2 py-1 text-right tabular-nums ${shade(count / matrixMax)}`}>
                        {num(count)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <Figure
        id="institutions"
        title={t("institutions.title")}
        description={t("institutions.desc")}
        table={
          <DataTable
            caption={t("institutions.title")}
            head={[t("institutions.institution"), t("institutions.count")]}
            rows={d.institutions.map((i) => [i.name, num(i.count)])}
          />
        }
      >
        <BarChart
          id="institutions-chart"
          title={t("institutions.title")}
          description={t("institutions.desc")}
          bars={d.institutions.map((i) => ({ label: i.name, values: [i.count] }))}
          series={[t("institutions.count")]}
        />
      </Figure>

      <section aria-labelledby="stale-title" className="mb-8 rounded-lg bg-white p-4 shadow">
        <h2 id="stale-title" className="mb-1 text-2xl font-semibold">
          {t("stale.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("stale.desc", { count: d.stale.total })}</p>
        {d.stale.ideas.length ? (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("scroll.stale")}>
            <table className="min-w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className="px-2 py-1 text-left">
                    {t("stale.idea")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    {t("stage")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    {t("institutions.institution")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t("stale.days")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.stale.ideas.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" className="border-t border-slate-200 px-2 py-1 text-left font-normal">
                      <Link to={`/ideas/${i.id}`} className="link" lang={i.language}>
                        {i.title}
                      </Link>
                    </th>
                    <td className="border-t border-slate-200 px-2 py-1">{i.stage}</td>
                    <td className="border-t border-slate-200 px-2 py-1">{i.institution}</td>
                    <td className="border-t border-slate-200 px-2 py-1 text-right tabular-nums">{num(i.days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("stale.none")}</p>
        )}
      </section>
    </div>
  );
}

/** Shading that darkens with the share of the largest cell; the number is always written too. */
function shade(share: number) {
  if (share === 0) return "bg-white";
  if (share < 0.25) return "bg-blue-50";
  if (share < 0.5) return "bg-blue-100";
  if (share < 0.75) return "bg-blue-200";
  return "bg-blue-300";
}
