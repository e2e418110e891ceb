// The forms of ideas: the brief (built from brief.ts), the idea page's comment, support and
// withdraw, and the filters of /ideas. Checked the same way in the browser and on the server.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { count, idFilter, MAX_ID, optionalText, pageFilter, recordId, requiredText } from "~/utils/schema";
import { BRIEF_FIELDS, COMMENT_MAX, stepBriefFields, TITLE, type BriefCountField, type BriefField, type BriefStep, type BriefTextField } from "./brief";

export const PRINCIPLE_KEYS = ["embrace", "equip", "partner", "test", "share"] as const;
export type PrincipleKey = (typeof PRINCIPLE_KEYS)[number];

// Conform turns an empty field into undefined; a left-out answer is stored as "".
const answer = (max: number) => optionalText(max).transform((v) => v ?? "");

/** The brief's fields, for a draft (only the title is required) or a submission (the whole brief). */
function briefFields(submit: boolean) {
  const field = (f: BriefField) =>
    f.kind === "count" ? count : submit && f.requiredToSubmit ? requiredText(f.max, { message: "requiredToSubmit" }) : answer(f.max);
  return Object.fromEntries(BRIEF_FIELDS.map((f) => [f.name, field(f)])) as { [K in BriefTextField]: ReturnType<typeof answer> } & {
    [K in BriefCountField]: typeof count;
  };
}

const title = requiredText(TITLE.max, { min: TITLE.min });

/** The principles an idea is tagged with: any of the five (a draft may have none yet). */
const principles = z
  .array(z.string().max(40), { error: errorMessage("invalid") })
  .max(PRINCIPLE_KEYS.length)
  .optional()
  .transform((v) => v ?? [])
  .refine((keys) => keys.every((k) => (PRINCIPLE_KEYS as readonly string[]).includes(k)), errorMessage("unknownPrinciple"));

/** At least one principle: a submitted brief's, and the facilitator's confirmed tags. */
export const chosenPrinciples = principles.refine((keys) => keys.length > 0, errorMessage("principleRequired"));

const institutionId = z
  .number({ error: errorMessage("required") })
  .int(errorMessage("invalid"))
  .positive(errorMessage("invalid"))
  .max(MAX_ID, errorMessage("invalid"));

/** The languages an idea may be written in; Latvian unless the author chooses English. */
export const IDEA_LANGUAGES = ["lv", "en"] as const;
export type IdeaLanguage = (typeof IDEA_LANGUAGES)[number];
const language = z
  .enum(IDEA_LANGUAGES, { error: errorMessage("invalid") })
  .optional()
  .transform((v) => v ?? "lv");

// Hidden fields: which idea and which version the form was opened on, or the create token.
const hidden = {
  id: recordId.optional(),
  version: recordId.optional(),
  createToken: z.string().max(64).optional(),
};

export const DraftSchema = z.object({ intent: z.literal("draft"), ...hidden, title, ...briefFields(false), principles, institutionId, language });

export const SubmitSchema = DraftSchema.extend({
  intent: z.literal("submit"),
  ...briefFields(true),
  principles: chosenPrinciples,
});

export const IdeaFormSchema = z.discriminatedUnion("intent", [DraftSchema, SubmitSchema], { error: errorMessage("invalid") });
export type IdeaFormValue = z.infer<typeof IdeaFormSchema>;

/** For checking as the person types: a draft's rules while saving a draft, the whole brief otherwise. */
export function schemaForIntent(intent: FormDataEntryValue | null) {
  return intent === "draft" ? DraftSchema : SubmitSchema;
}

/**
 * One step of the brief (brief.ts, BRIEF_STEPS). "Save and continue" checks the step's answers as
 * a submission would; "Back" keeps what was typed with only the lengths checked. The first step
 * creates the draft, so it has no Back; `then` brings a changed answer back to check-your-answers.
 */
export function stepSchema(step: BriefStep, intent: "continue" | "back" = "continue") {
  const submit = intent === "continue";
  const fields = Object.fromEntries(
    stepBriefFields(step).map((f) => [
      f.name,
      f.kind === "count" ? count : submit && f.requiredToSubmit ? requiredText(f.max, { message: "requiredToSubmit" }) : answer(f.max),
    ]),
  ) as Partial<Record<BriefTextField, ReturnType<typeof answer>>> & Partial<Record<BriefCountField, typeof count>>;
  const common = { ...hidden, then: z.literal("check").optional() };
  if (step === "need") return z.object({ ...common, title, institutionId, language, ...fields });
  const own = step === "partners" ? { principles: submit ? chosenPrinciples : principles } : {};
  return z.object({ intent: z.literal(intent), ...common, ...fields, ...own });
}

/** A step's form: the first step's, or a later one's with Save and continue or Back. */
export function stepFormSchema(step: BriefStep): z.ZodType<StepValue> {
  if (step === "need") return NeedStepSchema;
  return z.discriminatedUnion("intent", [stepSchema(step, "continue"), stepSchema(step, "back")] as never as [ReturnType<typeof stepSchema>], {
    error: errorMessage("invalid"),
  }) as z.ZodType<StepValue>;
}

/** The first step's form: it starts the draft (with the create token) or changes it. */
export const NeedStepSchema = stepSchema("need") as z.ZodType<StepValue>;

/** What any step's form sends, once checked. */
export type StepValue = {
  intent?: "continue" | "back";
  id?: number;
  version?: number;
  createToken?: string;
  then?: "check";
  title?: string;
  institutionId?: number;
  language?: "lv" | "en";
  principles?: string[];
} & Partial<Record<BriefTextField, string>> &
  Partial<Record<BriefCountField, number | null | undefined>>;

/** Check-your-answers: submitting the whole brief, which the server checks as it is stored. */
export const CheckAnswersSchema = z.object({ intent: z.literal("submit"), version: recordId });

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: requiredText(COMMENT_MAX),
  internal: z.boolean().optional().default(false),
});

/** Everything the idea page posts: a comment, deleting one's comment, support, withdraw, undoing a decline or a merge (from the history). */
export const IdeaPageActionSchema = z.discriminatedUnion(
  "intent",
  [
    CommentSchema,
    z.object({ intent: z.literal("delete-comment"), commentId: recordId }),
    z.object({ intent: z.literal("support") }),
    z.object({ intent: z.literal("withdraw") }),
    z.object({ intent: z.literal("undo-decline"), eventId: recordId }),
    z.object({ intent: z.literal("undo-merge"), eventId: recordId }),
  ],
  { error: errorMessage("invalid") },
);

export const LISTED_STATUSES = ["ACTIVE", "NEEDS_INFO", "DECLINED", "WITHDRAWN", "MERGED"] as const;

const page = pageFilter;

/** The filters of /ideas, from the URL. Unknown values are reported and ignored. */
export const IdeaFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.string().max(60).optional(),
  status: z.enum(LISTED_STATUSES).optional(),
  institution: idFilter,
  principle: z.enum(PRINCIPLE_KEYS).optional(),
  page,
});
export type IdeaFilters = z.infer<typeof IdeaFiltersSchema>;

/** /ideas/mine takes only a page. */
export const PageSchema = z.object({ page });
