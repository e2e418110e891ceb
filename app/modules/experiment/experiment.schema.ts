// The Test Card and the Learning Card (DOMAIN.md), validated alike in the browser and on the server.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { isoDaySchema } from "~/utils/iso-day";

export const METHOD_TYPES = ["INTERVIEWS", "PROTOTYPE_TEST", "PILOT", "AB_TEST", "SURVEY", "DATA_ANALYSIS", "OTHER"] as const;
export const EXPERIMENT_STATUSES = ["PLANNED", "RUNNING", "COMPLETED"] as const;
export const RESULTS = ["VALIDATED", "INVALIDATED", "INCONCLUSIVE"] as const;
export const STRENGTHS = ["WEAK", "MEDIUM", "STRONG"] as const;
export const DECISIONS = ["PERSEVERE", "PIVOT", "STOP", "SCALE"] as const;
export const LEARNING_FIELDS = ["observed", "learned", "result", "evidenceStrength", "decision"] as const;

const required = (max: number) =>
  z
    .string({ error: errorMessage("required") })
    .trim()
    .min(1, errorMessage("required"))
    .max(max, errorMessage("tooLong", { max }));
const optional = (max: number) => z.string().trim().max(max, errorMessage("tooLong", { max })).optional();
const date = isoDaySchema(errorMessage("invalidDate")).optional();
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: errorMessage("invalidChoice") });

export const ExperimentSchema = z
  .object({
    experimentId: z.number().int().positive().optional(),
    version: z.number().int().positive().optional(),
    hypothesis: required(2000),
    method: required(2000),
    methodType: choice(METHOD_TYPES),
    metric: required(1000),
    successCriterion: required(1000),
    startsOn: date,
    endsOn: date,
    participants: z
      .number({ error: errorMessage("wholeNumber") })
      .int(errorMessage("wholeNumber"))
      .min(0, errorMessage("notNegative"))
      .max(10_000_000, errorMessage("tooLarge"))
      .optional(),
    status: choice(EXPERIMENT_STATUSES),
    observed: optional(4000),
    learned: optional(4000),
    result: choice(RESULTS).optional(),
    evidenceStrength: choice(STRENGTHS).optional(),
    decision: choice(DECISIONS).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: errorMessage("endBeforeStart") });
    }
    if (value.status === "COMPLETED") {
      // Completing an experiment means writing down what it taught.
      for (const field of LEARNING_FIELDS) {
        if (!value[field]) ctx.addIssue({ code: "custom", path: [field], message: errorMessage("requiredToComplete") });
      }
    }
  });
export type ExperimentValue = z.infer<typeof ExperimentSchema>;
