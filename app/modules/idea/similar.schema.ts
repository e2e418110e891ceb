// "Similar ideas" while the brief is written: what the panel asks for, the same in the browser
// (which asks /ideas/similar as the person types) and on the server (the step's "Find similar
// ideas" and the panel's support buttons without JavaScript). Safe in the browser.
import { z } from "zod";
import { MAX_ID } from "~/utils/schema";
import { TITLE } from "./brief";

/** The most characters of the need a query sends: enough for the words that rank (search.server.ts keeps 40 stems), and a URL of a sane length. */
export const SIMILAR_NEED_MAX = 2000;

/** Below this many letters in the title and the need together, nothing is looked for yet. */
export const SIMILAR_MIN_LETTERS = 4;

/** How long the panel waits after the last keystroke before it asks. */
export const SIMILAR_DEBOUNCE_MS = 400;

/** The fields of the brief's first step that the panel reads: the title and the need. */
export const SIMILAR_FIELDS = ["title", "summary", "problem", "usersAffected"] as const;

/** What a similarity query compares (search.server.ts, SimilarText). */
export type SimilarQuery = { title: string; need: string };

/** The query for what was typed: the title, and the need (summary, problem, users affected), each cut to what a query takes. */
export function similarQueryOf(fields: Partial<Record<(typeof SIMILAR_FIELDS)[number], string | null | undefined>>): SimilarQuery {
  const need = [fields.summary, fields.problem, fields.usersAffected]
    .map((text) => (text ?? "").trim())
    .filter(Boolean)
    .join("\n");
  return { title: (fields.title ?? "").trim().slice(0, TITLE.max), need: need.slice(0, SIMILAR_NEED_MAX) };
}

/** True when the query has letters enough to look for anything. */
export function enoughToSearch(query: SimilarQuery) {
  return (`${query.title} ${query.need}`.match(/\p{L}/gu)?.length ?? 0) >= SIMILAR_MIN_LETTERS;
}

const id = z.coerce.number().int().positive().max(MAX_ID);

/** GET /ideas/similar?title=…&need=…&exclude=12: anything longer than a query takes, or a bad id, is a 400. */
export const SimilarQuerySchema = z.object({
  title: z.string().max(TITLE.max).optional().default(""),
  need: z.string().max(SIMILAR_NEED_MAX).optional().default(""),
  /** The idea being edited, which is not similar to itself. */
  exclude: id.optional(),
});

/**
 * What the first step's form sends instead of saving: "Find similar ideas" (intent=similar), or a
 * panel's button, which supports an idea (support=12) or takes the support back (unsupport=12).
 */
export const SimilarStepSchema = z.object({
  intent: z.literal("similar").optional(),
  support: id.optional(),
  unsupport: id.optional(),
});

/** True when the first step's form was sent by the panel's buttons, not to be saved. */
export function isSimilarSubmission(formData: FormData | undefined | null) {
  if (!formData) return false;
  return formData.get("intent") === "similar" || formData.has("support") || formData.has("unsupport");
}
