// The forms of /admin/institutions: add one, rename one, deactivate or reactivate one.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { recordId, requiredText } from "~/utils/schema";

const name = requiredText(200, { min: 2 });
const institutionId = recordId;

export const InstitutionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      code: z
        .string({ error: errorMessage("required") })
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2,10}$/, errorMessage("institutionCode")),
      nameLv: name,
      nameEn: name,
    }),
    z.object({ intent: z.literal("rename"), institutionId, nameLv: name, nameEn: name }),
    z.object({ intent: z.literal("deactivate"), institutionId }),
    z.object({ intent: z.literal("reactivate"), institutionId }),
  ],
  { error: errorMessage("invalid") },
);
export type InstitutionValue = z.infer<typeof InstitutionSchema>;
