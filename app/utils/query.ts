import type { z } from "zod";

/**
 * Reads a page's filters from its URL with a zod object schema, field by field. A malformed
 * value is dropped and its name listed in `invalid`, so the page explains itself instead of failing.
 * Fields in `quiet` (such as `page`) are dropped without a message.
 */
export function parseFilters<S extends z.ZodObject>(schema: S, params: URLSearchParams, quiet: string[] = ["page"]) {
  const filters: Partial<z.infer<S>> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(schema.shape)) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const parsed = (schema.shape[key] as z.ZodType).safeParse(raw);
    if (parsed.success) (filters as Record<string, unknown>)[key] = parsed.data;
    else if (!quiet.includes(key)) invalid.push(key);
  }
  return { filters, invalid };
}

/** Drops a filter whose value names nothing that exists (an unknown institution id, say). */
export function dropUnknown<T extends object>(filters: T, invalid: string[], key: keyof T & string, exists: (value: never) => boolean) {
  const value = filters[key];
  if (value !== undefined && !exists(value as never)) {
    invalid.push(key);
    delete filters[key];
  }
}

/** Filter values as strings for the form's defaults. */
export function formValues(filters: object): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

/** The rows of one page of a list (1-based), for findMany's skip and take. */
export function pageOf(page: number | undefined, size: number) {
  const current = page ?? 1;
  return { skip: (current - 1) * size, take: size, current };
}

/** How many pages `total` rows make (at least one, so an empty list still has its page). */
export const pages = (total: number, size: number) => Math.max(1, Math.ceil(total / size));
