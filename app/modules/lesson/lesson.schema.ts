import { z } from "zod";
import { DECISIONS, METHOD_TYPES, RESULTS } from "~/modules/experiment/cards";
import { PRINCIPLE_KEYS } from "~/modules/idea/idea.schema";
import { idFilter } from "~/utils/schema";

/** The filters of /lessons, from the URL. */
export const LessonFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  principle: z.enum(PRINCIPLE_KEYS).optional(),
  institution: idFilter,
  method: z.enum(METHOD_TYPES).optional(),
  result: z.enum(RESULTS).optional(),
  decision: z.enum(DECISIONS).optional(),
  // Fewer pages than other lists: a page is found by reading the ids of every page before it.
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type LessonFilters = z.infer<typeof LessonFiltersSchema>;
