// Charts drawn on the server as SVG: a text title and description for screen readers, patterns
// as well as shades so they survive greyscale and print, and each one followed by its table.
import { scaleBand, scaleLinear } from "d3-scale";
import { useTranslation } from "react-i18next";

const WIDTH = 640;
const LABEL = 270;
const INK = "#1e293b";

/** Fills that differ in pattern, not only in colour. */
export const SERIES = [
  { fill: "#1e3a8a", pattern: null },
  { fill: "url(#hatch)", pattern: "hatch" },
  { fill: "url(#dots)", pattern: "dots" },
] as const;

/** The fill patterns, defined once per page (ids must be unique). */
export function PatternDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#bbf7d0" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#166534" strokeWidth="3" />
        </pattern>
        <pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fecaca" />
          <circle cx="3" cy="3" r="1.6" fill="#7f1d1d" />
        </pattern>
      </defs>
    </svg>
  );
}

export function Figure({
  id,
  title,
  description,
  children,
  table,
}: {
  id: string;
  title: string;
  description: string;
  children: React.ReactNode;
  table: React.ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-8 break-inside-avoid rounded-lg bg-white p-4 shadow">
      <figcaption id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="mb-3 text-sm text-slate-700">
        {description}
      </p>
      {/* The chart is drawn no narrower than it was designed, so its labels keep their size on a phone: there it scrolls sideways in its own region. */}
      <div className="overflow-x-auto" role="region" tabIndex={0} aria-label={t("scroll.chart", { title })}>
        {children}
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium text-blue-800 underline">{t("showTable")}</summary>
        <div className="mt-2 overflow-x-auto" role="region" tabIndex={0} aria-label={t("scroll.table", { title })}>
          {table}
        </div>
      </details>
    </figure>
  );
}

type Bar = { label: string; values: number[]; display?: string[] };

/** Horizontal bars, one row per label, one bar per series. */
export function BarChart({ id, title, description, bars, series }: { id: string; title: string; description: string; bars: Bar[]; series: string[] }) {
  const rowHeight = 14 * series.length + 12;
  const height = Math.max(40, bars.length * rowHeight + 24);
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([LABEL, WIDTH - 48]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([0, height - 24])
    .paddingInner(0.15);
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ minWidth: WIDTH }}
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        className="max-w-3xl"
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{description}</desc>
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="#cbd5e1" />
            <text x={x(tick)} y={height - 6} fontSize="12" textAnchor="middle" fill={INK}>
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const top = y(i) ?? 0;
          const band = y.bandwidth() / series.length;
          return (
            <g key={bar.label}>
              <text x={LABEL - 8} y={top + y.bandwidth() / 2 + 4} fontSize="12" textAnchor="end" fill={INK}>
                {bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}
              </text>
              {bar.values.map((value, s) => (
                <g key={s}>
                  <rect
                    x={LABEL}
                    y={top + s * band}
                    width={Math.max(0, x(value) - LABEL)}
                    height={Math.max(2, band - 2)}
                    fill={SERIES[s % SERIES.length].fill}
                    stroke={INK}
                    strokeWidth="0.5"
                  />
                  <text x={x(value) + 4} y={top + s * band + band / 2 + 4} fontSize="12" fill={INK}>
                    {bar.display?.[s] ?? value}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      {/* Which bar is which, when a row has more than one. */}
      {series.length > 1 ? <Legend series={series} /> : null}
    </div>
  );
}

/** Vertical grouped bars per month. */
export function MonthlyChart({
  id,
  title,
  description,
  months,
  series,
}: {
  id: string;
  title: string;
  description: string;
  months: { month: string; values: number[] }[];
  series: string[];
}) {
  const height = 240;
  const max = Math.max(1, ...months.flatMap((m) => m.values));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - 40, 10]);
  const x = scaleBand<string>()
    .domain(months.map((m) => m.month))
    .range([36, WIDTH - 8])
    .paddingInner(0.2);
  // A label for every month up to two years; beyond that every second, third… month, so they never overlap.
  const labelEvery = Math.ceil(months.length / 24);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .paddingInner(0.1);
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ minWidth: WIDTH }}
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        className="max-w-3xl"
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{description}</desc>
        {y.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={36} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" />
            <text x={30} y={y(tick) + 4} fontSize="12" textAnchor="end" fill={INK}>
              {tick}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.month}>
            {m.values.map((value, s) => (
              <rect
                key={s}
                x={(x(m.month) ?? 0) + (inner(s) ?? 0)}
                y={y(value)}
                width={inner.bandwidth()}
                height={Math.max(0, y(0) - y(value))}
                fill={SERIES[s % SERIES.length].fill}
                stroke={INK}
                strokeWidth="0.5"
              />
            ))}
            <text x={(x(m.month) ?? 0) + x.bandwidth() / 2} y={height - 24} fontSize="12" textAnchor="middle" fill={INK}>
              {i % labelEvery === 0 ? m.month.slice(2) : null}
            </text>
          </g>
        ))}
      </svg>
      <Legend series={series} />
    </div>
  );
}

export function Legend({ series }: { series: string[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-4 text-sm">
      {series.map((label, i) => (
        <li key={label} className="flex items-center gap-2">
          <svg width="16" height="16" aria-hidden="true">
            <rect width="16" height="16" fill={SERIES[i % SERIES.length].fill} stroke={INK} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="min-w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col" className="border-b border-slate-400 px-2 py-1 text-left">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row" className="border-b border-slate-200 px-2 py-1 text-left font-normal">
                  {cell}
                </th>
              ) : (
                <td key={c} className="border-b border-slate-200 px-2 py-1 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
