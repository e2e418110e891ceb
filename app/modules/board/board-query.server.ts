import { BoardFiltersSchema, type BoardFilters } from "./board.schema";
import { COLUMN_PAGE } from "./board.server";

/** Filters and "show more" counts from the board's URL; unknown values are named and ignored. */
export function parseBoardQuery(params: URLSearchParams, known: { institutions: { id: number }[] }) {
  const filters: BoardFilters = {};
  const invalid: string[] = [];
  for (const key of Object.keys(BoardFiltersSchema.shape) as (keyof BoardFilters)[]) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const parsed = BoardFiltersSchema.shape[key].safeParse(raw);
    if (parsed.success) (filters as Record<string, unknown>)[key] = parsed.data;
    else invalid.push(key);
  }
  if (filters.institution && !known.institutions.some((i) => i.id === filters.institution)) {
    invalid.push("institution");
    delete filters.institution;
  }
  const limits: Record<string, number> = {};
  for (const [key, value] of params) {
    if (!key.startsWith("show_")) continue;
    const n = Number(value);
    if (Number.isInteger(n) && n > COLUMN_PAGE) limits[key.slice(5)] = Math.min(n, 2000);
  }
  const open = new Set((params.get("open") ?? "").split(",").filter(Boolean));
  const values = {
    q: filters.q,
    institution: filters.institution ? String(filters.institution) : undefined,
    principle: filters.principle,
    assignee: filters.assignee,
  };
  return { filters, limits, open, values, invalid };
}
