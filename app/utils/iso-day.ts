import { z } from "zod";

/** True for a real calendar day written as YYYY-MM-DD ("2026-02-31" and "2026-13-01" are not). */
export function isIsoDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

export const isoDaySchema = (message?: string) => z.string().refine(isIsoDay, message);
