import { z } from "zod";
import { PRINCIPLE_KEYS } from "~/modules/idea/idea.schema";
import { isoDaySchema } from "~/utils/iso-day";
import { idFilter } from "~/utils/schema";

export const PERIOD_PRESETS = ["year", "12m", "90d", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest custom period the dashboard draws (its monthly chart has a bar per month). */
export const MAX_PERIOD_YEARS = 10;

const day = isoDaySchema();

export const DashboardQuerySchema = z.object({
  period: z.enum(PERIOD_PRESETS).optional(),
  from: day.optional(),
  to: day.optional(),
  institution: idFilter,
  principle: z.enum(PRINCIPLE_KEYS).optional(),
});
