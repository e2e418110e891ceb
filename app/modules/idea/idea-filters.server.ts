import { IdeaFiltersSchema, type IdeaFilters } from "./idea.schema";

type Known = { stages: { key: string }[]; institutions: { id: number }[] };

/**
 * Reads /ideas filters from the URL. A filter with an unknown or malformed value is dropped and
 * named in `invalid`, so the page explains itself instead of failing.
 */
export function parseIdeaFilters(params: URLSearchParams, known: Known) {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(IdeaFiltersSchema.shape)) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  const filters: IdeaFilters = {};
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = IdeaFiltersSchema.shape[key as keyof typeof IdeaFiltersSchema.shape];
    const parsed = field.safeParse(value);
    if (!parsed.success) {
      if (key !== "page") invalid.push(key);
      continue;
    }
    (filters as Record<string, unknown>)[key] = parsed.data;
  }
  if (filters.stage && !known.stages.some((s) => s.key === filters.stage)) {
    invalid.push("stage");
    delete filters.stage;
  }
  if (filters.institution && !known.institutions.some((i) => i.id === filters.institution)) {
    invalid.push("institution");
    delete filters.institution;
  }
  const values: Record<string, string | undefined> = {
    q: filters.q,
    stage: filters.stage,
    status: filters.status,
    institution: filters.institution ? String(filters.institution) : undefined,
    principle: filters.principle,
  };
  return { filters, values, invalid };
}
