// The idea brief (DOMAIN.md), validated the same way in the browser and on the server.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";

export const PRINCIPLE_KEYS = ["embrace", "equip", "partner", "test", "share"] as const;
export type PrincipleKey = (typeof PRINCIPLE_KEYS)[number];

export const LIMITS = {
  title: { min: 5, max: 120 },
  summary: 280,
  usersAffected: 2000,
  problem: 4000,
  evidence: 4000,
  solution: 4000,
  expectedValue: 2000,
  firstTest: 2000,
  partners: 1000,
  comment: 2000,
} as const;

export const LONG_TEXT_FIELDS = [
  "summary",
  "usersAffected",
  "problem",
  "evidence",
  "solution",
  "expectedValue",
  "firstTest",
  "partners",
] as const;
export type LongTextField = (typeof LONG_TEXT_FIELDS)[number];

// Conform turns an empty field into undefined; text keeps line breaks and is trimmed at the ends.
const optionalText = (max: number) =>
  z
    .string({ error: errorMessage("invalid") })
    .trim()
    .max(max, errorMessage("tooLong", { max }))
    .optional()
    .transform((v) => v ?? "");

const requiredText = (max: number) =>
  z
    .string({ error: errorMessage("requiredToSubmit") })
    .trim()
    .min(1, errorMessage("requiredToSubmit"))
    .max(max, errorMessage("tooLong", { max }));

const title = z
  .string({ error: errorMessage("required") })
  .trim()
  .min(LIMITS.title.min, errorMessage("tooShort", { min: LIMITS.title.min }))
  .max(LIMITS.title.max, errorMessage("tooLong", { max: LIMITS.title.max }));

const usersTalkedTo = z
  .number({ error: errorMessage("wholeNumber") })
  .int(errorMessage("wholeNumber"))
  .min(0, errorMessage("notNegative"))
  .max(10_000_000, errorMessage("tooLarge"))
  .optional();

const principles = z
  .array(z.string().max(40), { error: errorMessage("invalid") })
  .max(PRINCIPLE_KEYS.length)
  .optional()
  .transform((v) => v ?? [])
  .refine((keys) => keys.every((k) => (PRINCIPLE_KEYS as readonly string[]).includes(k)), errorMessage("unknownPrinciple"));

const institutionId = z
  .number({ error: errorMessage("required") })
  .int(errorMessage("invalid"))
  .positive(errorMessage("invalid"));

// Hidden fields: which idea and which version the form was opened on, or the create token.
const hidden = {
  id: z.number().int().positive().optional(),
  version: z.number().int().positive().optional(),
  createToken: z.string().max(64).optional(),
};

export const DraftSchema = z.object({
  intent: z.literal("draft"),
  ...hidden,
  title,
  summary: optionalText(LIMITS.summary),
  usersAffected: optionalText(LIMITS.usersAffected),
  problem: optionalText(LIMITS.problem),
  evidence: optionalText(LIMITS.evidence),
  usersTalkedTo,
  solution: optionalText(LIMITS.solution),
  expectedValue: optionalText(LIMITS.expectedValue),
  firstTest: optionalText(LIMITS.firstTest),
  partners: optionalText(LIMITS.partners),
  principles,
  institutionId,
});

export const SubmitSchema = DraftSchema.extend({
  intent: z.literal("submit"),
  summary: requiredText(LIMITS.summary),
  usersAffected: requiredText(LIMITS.usersAffected),
  problem: requiredText(LIMITS.problem),
  evidence: requiredText(LIMITS.evidence),
  solution: requiredText(LIMITS.solution),
  principles: principles.refine((keys) => keys.length > 0, errorMessage("principleRequired")),
});

export const IdeaFormSchema = z.discriminatedUnion("intent", [DraftSchema, SubmitSchema], {
  error: errorMessage("invalid"),
});
export type IdeaFormValue = z.infer<typeof IdeaFormSchema>;

/** For validation as the user types: a draft's rules while saving a draft, the whole brief otherwise. */
export function schemaForIntent(intent: FormDataEntryValue | null) {
  return intent === "draft" ? DraftSchema : SubmitSchema;
}

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string({ error: errorMessage("required") })
    .trim()
    .min(1, errorMessage("required"))
    .max(LIMITS.comment, errorMessage("tooLong", { max: LIMITS.comment })),
  internal: z.boolean().optional().default(false),
});

export const IdeaPageActionSchema = z.discriminatedUnion(
  "intent",
  [
    CommentSchema,
    z.object({ intent: z.literal("delete-comment"), commentId: z.number().int().positive() }),
    z.object({ intent: z.literal("support") }),
    z.object({ intent: z.literal("withdraw") }),
  ],
  { error: errorMessage("invalid") },
);

export const LISTED_STATUSES = ["ACTIVE", "NEEDS_INFO", "DECLINED", "WITHDRAWN"] as const;

/** The filters of /ideas, from the URL. Unknown values are reported and ignored. */
export const IdeaFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.string().max(60).optional(),
  status: z.enum(LISTED_STATUSES).optional(),
  institution: z.coerce.number().int().positive().optional(),
  principle: z.enum(PRINCIPLE_KEYS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
export type IdeaFilters = z.infer<typeof IdeaFiltersSchema>;
