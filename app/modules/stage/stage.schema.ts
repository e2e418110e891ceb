// The forms of /admin/stages: rename and limit, reorder, add, archive, switch a gate.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { recordId, requiredText } from "~/utils/schema";

const name = requiredText(80);
const stageId = recordId;

export const StageAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("update"),
      stageId,
      nameLv: name,
      nameEn: name,
      wipLimit: z
        .number({ error: errorMessage("wholeNumber") })
        .int(errorMessage("wholeNumber"))
        .min(1, errorMessage("wipMin"))
        .max(10_000, errorMessage("tooLarge"))
        .optional(),
    }),
    z.object({ intent: z.literal("move"), stageId, direction: z.enum(["up", "down"]), order: z.string().regex(/^\d+(,\d+)*$/) }),
    z.object({ intent: z.literal("create"), nameLv: name, nameEn: name }),
    z.object({ intent: z.literal("archive"), stageId }),
    z.object({ intent: z.literal("gate"), stageId, enabled: z.enum(["true", "false"]) }),
  ],
  { error: errorMessage("invalid") },
);
export type StageAdminValue = z.infer<typeof StageAdminSchema>;
