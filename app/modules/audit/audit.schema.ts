// The filters of /admin/audit and its CSV, from the URL.
import { z } from "zod";
import type { AuditAction } from "~/generated/prisma/enums";
import { isoDaySchema } from "~/utils/iso-day";
import { pageFilter } from "~/utils/schema";

export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "USER_CREATE",
  "USER_UPDATE",
  "USER_DEACTIVATE",
  "USER_REACTIVATE",
  "INSTITUTION_CREATE",
  "INSTITUTION_UPDATE",
  "STAGE_CREATE",
  "STAGE_UPDATE",
  "STAGE_ARCHIVE",
  "STAGE_REORDER",
  "STAGE_GATE",
] as const satisfies readonly AuditAction[];

const day = isoDaySchema();

export const AuditFiltersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(254).optional(),
  from: day.optional(),
  to: day.optional(),
  page: pageFilter,
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;
