import { dropUnknown, formValues, parseFilters } from "~/utils/query";
import { BoardFiltersSchema, type BoardFilters } from "./board.schema";
import { COLUMN_PAGE, MAX_SHOWN } from "./columns";

/** Filters, "show more" counts and opened closed columns from the board's URL. */
export function parseBoardQuery(params: URLSearchParams, known: { institutions: { id: number }[] }) {
  const { filters, invalid } = parseFilters(BoardFiltersSchema, params);
  dropUnknown(filters, invalid, "institution", (id: number) => known.institutions.some((i) => i.id === id));
  const limits: Record<string, number> = {};
  for (const [key, value] of params) {
    if (!key.startsWith("show_")) continue;
    const n = Number(value);
    if (Number.isInteger(n) && n > COLUMN_PAGE) limits[key.slice(5)] = Math.min(n, MAX_SHOWN);
  }
  const open = new Set((params.get("open") ?? "").split(",").filter(Boolean));
  return { filters: filters as BoardFilters, limits, open, values: formValues(filters), invalid };
}
