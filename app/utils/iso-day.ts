import { z } from "zod";

/**
 * True for a real calendar day written as YYYY-MM-DD ("2026-02-31" and "2026-13-01" are not), in the
 * years 1000 to 9999 (PostgreSQL has no year 0, and no lab's experiment is older).
 */
export function isIsoDay(value: string) {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

export const isoDaySchema = (message?: string) => z.string().refine(isIsoDay, message);

/** The UTC calendar day of a moment, as YYYY-MM-DD. */
export const isoDayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The calendar day after a YYYY-MM-DD day. */
export const dayAfter = (day: string) => isoDayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
