import { dropUnknown, formValues, parseFilters } from "~/utils/query";
import { IdeaFiltersSchema, type IdeaFilters } from "./idea.schema";

type Known = { stages: { key: string }[]; institutions: { id: number }[] };

/** Reads /ideas filters from the URL; unknown values are named in `invalid` and ignored. */
export function parseIdeaFilters(params: URLSearchParams, known: Known) {
  const { filters, invalid } = parseFilters(IdeaFiltersSchema, params);
  dropUnknown(filters, invalid, "stage", (key: string) => known.stages.some((s) => s.key === key));
  dropUnknown(filters, invalid, "institution", (id: number) => known.institutions.some((i) => i.id === id));
  const { page: _page, ...shown } = filters;
  return { filters: filters as IdeaFilters, values: formValues(shown), invalid };
}
