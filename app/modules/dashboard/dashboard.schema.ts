import { z } from "zod";
import { PRINCIPLE_KEYS } from "~/modules/idea/idea.schema";

export const PERIOD_PRESETS = ["year", "12m", "90d", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const DashboardQuerySchema = z.object({
  period: z.enum(PERIOD_PRESETS).optional(),
  from: day.optional(),
  to: day.optional(),
  institution: z.coerce.number().int().positive().optional(),
  principle: z.enum(PRINCIPLE_KEYS).optional(),
});
