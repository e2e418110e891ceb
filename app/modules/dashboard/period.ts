import type { PeriodPreset } from "./dashboard.schema";
import { isoDayOf } from "~/utils/iso-day";

export type Period = { preset: PeriodPreset; from: string; to: string };

/** The dates of a preset period, ending today; "year" is this calendar year. */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today = new Date()): Period {
  const to = isoDayOf(today);
  if (preset === "year") return { preset, from: `${today.getUTCFullYear()}-01-01`, to };
  const from = new Date(today);
  if (preset === "12m") from.setUTCFullYear(from.getUTCFullYear() - 1);
  else from.setUTCDate(from.getUTCDate() - 90);
  from.setUTCDate(from.getUTCDate() + 1);
  return { preset, from: isoDayOf(from), to };
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(period: { from: string; to: string }) {
  const months: string[] = [];
  let [y, m] = period.from.slice(0, 7).split("-").map(Number);
  const [ty, tm] = period.to.slice(0, 7).split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
