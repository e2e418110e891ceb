// The board's move (drag and drop, keyboard) and the manage page's forms (triage, move, assign,
// principles), and the board's filters.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { idFilter, MAX_ID, recordId, requiredText } from "~/utils/schema";
import { PRINCIPLE_KEYS, chosenPrinciples } from "~/modules/idea/idea.schema";

// The idea and the version the page was opened on (hidden fields).
const id = recordId;
const version = recordId;

/** Where the manage page goes back to (the board as it was, or the idea). */
const returnTo = z.string().max(2000).optional();

export const MoveSchema = z.object({
  intent: z.literal("move"),
  returnTo,
  ideaId: id,
  version,
  stage: z
    .string({ error: errorMessage("required") })
    .min(1, errorMessage("required"))
    .max(60),
  // 1-based, as people count; the board's scripts send it too.
  position: z
    .number({ error: errorMessage("wholeNumber") })
    .int(errorMessage("wholeNumber"))
    .min(1, errorMessage("positionMin"))
    .max(1_000_000)
    .optional(),
  closingNote: z
    .string()
    .trim()
    .max(4000, errorMessage("tooLong", { max: 4000 }))
    .optional(),
});
export type MoveValue = Omit<z.infer<typeof MoveSchema>, "returnTo">;

export const AcceptSchema = z.object({
  returnTo,
  intent: z.literal("accept"),
  ideaId: id,
  version,
  stage: z
    .string({ error: errorMessage("required") })
    .min(1)
    .max(60),
});
/** The steps of the brief a returned idea's question can be about (the edit form opens that step). */
export const RETURN_STEPS = ["need", "evidence", "proposal", "test", "partners"] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

export const ReturnSchema = z.object({
  returnTo,
  intent: z.literal("return"),
  ideaId: id,
  version,
  question: requiredText(2000),
  step: z.enum(RETURN_STEPS, { error: errorMessage("invalidChoice") }).optional(),
});
/** Declining is two steps: the reason, then "Yes, decline" (confirmed), which is when the command runs. */
export const DeclineSchema = z.object({
  returnTo,
  intent: z.literal("decline"),
  ideaId: id,
  version,
  reason: requiredText(2000),
  confirmed: z.literal("yes").optional(),
});
/**
 * An idea's number as a person types it: "12", "#12" or "Nr. 12". Not a number: said so; a number no
 * idea can have: there is no such idea (the command says the same of one that does not exist).
 */
const ideaNumber = z
  .string({ error: errorMessage("board:merge.errors.required") })
  .trim()
  .transform((v) => v.replace(/^(#|nr\.?)\s*/i, ""))
  .pipe(
    // (Conform reads what is left empty, "#" alone, as no value: the message names the field's need.)
    z
      .string({ error: errorMessage("board:merge.errors.required") })
      .min(1, errorMessage("board:merge.errors.required"))
      .regex(/^\d{1,12}$/, errorMessage("board:merge.errors.number")),
  )
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_ID, { error: (issue) => errorMessage("board:merge.errors.unknown", { id: issue.input }) });

/** Merging this idea into another (`into`): two steps, the number (or a likely duplicate's button), then "Yes, merge" (confirmed). */
export const MergeSchema = z.object({
  returnTo,
  intent: z.literal("merge"),
  ideaId: id,
  version,
  into: ideaNumber,
  confirmed: z.literal("yes").optional(),
});
export type MergeValue = z.infer<typeof MergeSchema>;

export const AssignSchema = z.object({ returnTo, intent: z.literal("assign"), ideaId: id, version, assigneeId: recordId.optional() });
export const TagsSchema = z.object({
  intent: z.literal("tags"),
  returnTo,
  ideaId: id,
  version,
  principles: chosenPrinciples,
});

export const ManageSchema = z.discriminatedUnion("intent", [MoveSchema, AcceptSchema, ReturnSchema, DeclineSchema, MergeSchema, AssignSchema, TagsSchema], {
  error: errorMessage("invalid"),
});
export type ManageValue = z.infer<typeof ManageSchema>;

export const BoardFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  institution: idFilter,
  principle: z.enum(PRINCIPLE_KEYS).optional(),
  assignee: z.enum(["mine"]).optional(),
});
export type BoardFilters = z.infer<typeof BoardFiltersSchema>;

export const DENSITIES = ["comfortable", "compact"] as const;

/** The board's density, remembered for each person. */
export const DensitySchema = z.object({ intent: z.literal("density"), density: z.enum(DENSITIES, { error: errorMessage("invalidChoice") }) });

/** What the board's own page posts: a move (drag and drop, keyboard, the closing dialog) or the density. */
export const BoardActionSchema = z.discriminatedUnion("intent", [MoveSchema, DensitySchema], { error: errorMessage("invalid") });
