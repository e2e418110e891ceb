// The fields every form's schema is built from, so a rule and its message are written once.
// Messages are keys (see i18n.ts, errorMessage); safe in the browser.
import { z } from "zod";
import { errorMessage } from "./i18n";

/** Text that must be given: trimmed, at least one character (or `min`), at most `max`. */
export function requiredText(max: number, { message = "required", min = 1 }: { message?: string; min?: number } = {}) {
  const text = z.string({ error: errorMessage(message) }).trim();
  return (min > 1 ? text.min(min, errorMessage("tooShort", { min })) : text.min(1, errorMessage(message))).max(max, errorMessage("tooLong", { max }));
}

/** Text that may be left out: trimmed, at most `max`. */
export function optionalText(max: number) {
  return z
    .string({ error: errorMessage("invalid") })
    .trim()
    .max(max, errorMessage("tooLong", { max }))
    .optional();
}

/** A count of people or things: a whole number, 0 or more; may be left out. */
export const count = z
  .number({ error: errorMessage("wholeNumber") })
  .int(errorMessage("wholeNumber"))
  .min(0, errorMessage("notNegative"))
  .max(10_000_000, errorMessage("tooLarge"))
  .optional();

/** The largest id a row can have: ids are 32-bit integers on PostgreSQL (SQLite would take more). */
export const MAX_ID = 2_147_483_647;

/**
 * A row's id or version in a hidden field the page fills in. A bad value is not the person's doing:
 * the route adapter reports it once for the whole form ("the form was changed"), so it has no message of its own.
 */
export const recordId = z.number().int().positive().max(MAX_ID);

/** A row's id in a list's URL filter (?institution=3). */
export const idFilter = z.coerce.number().int().positive().max(MAX_ID).optional();

/** A list's page in its URL (1-based). */
export const pageFilter = z.coerce.number().int().min(1).max(100_000).optional();
