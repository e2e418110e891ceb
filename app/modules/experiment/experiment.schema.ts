// The experiment form: the Test Card and the Learning Card (cards.ts), checked alike in the browser
// and on the server.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { isoDaySchema } from "~/utils/iso-day";
import { count, optionalText, recordId, requiredText } from "~/utils/schema";
import { CARD_FIELDS, type LEARNING_CARD, LEARNING_FIELDS, type TEST_CARD, type CardField } from "./cards";

function fieldSchema(field: CardField) {
  switch (field.type) {
    case "text":
      return "required" in field ? requiredText(field.max) : optionalText(field.max);
    case "choice": {
      const choice = z.enum(field.options as [string, ...string[]], { error: errorMessage("invalidChoice") });
      return "required" in field ? choice : choice.optional();
    }
    case "date":
      return isoDaySchema(errorMessage("invalidDate")).optional();
    case "count":
      return count;
  }
}

const fields = Object.fromEntries(CARD_FIELDS.map((f) => [f.name, fieldSchema(f)]));

type AnyField = (typeof TEST_CARD)[number] | (typeof LEARNING_CARD)[number];
type ValueOf<F> = F extends { type: "choice"; options: readonly (infer O)[] } ? O : F extends { type: "count" } ? number : string;
/** The cards' values, typed from their definitions: required fields always there, the others optional. */
type Cards = { [F in AnyField as F extends { required: true } ? F["name"] : never]: ValueOf<F> } & {
  [F in AnyField as F extends { required: true } ? never : F["name"]]?: ValueOf<F>;
};

export const ExperimentSchema = z
  .object({
    // Which experiment and which version the form was opened on (absent for a new one).
    experimentId: recordId.optional(),
    version: recordId.optional(),
    ...fields,
  })
  .superRefine((value, ctx) => {
    const v = value as unknown as Cards;
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: errorMessage("endBeforeStart") });
    // Completing an experiment means writing down what it taught.
    if (v.status === "COMPLETED") {
      for (const field of LEARNING_FIELDS) if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: errorMessage("requiredToComplete") });
    }
  }) as unknown as z.ZodType<Cards & { experimentId?: number; version?: number }, Record<string, unknown>>;
export type ExperimentValue = z.infer<typeof ExperimentSchema>;
