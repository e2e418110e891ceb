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
  "SIGN_OUT",
  "SESSION_END",
  "PASSWORD_CHANGE",
  "PASSWORD_CHECK_FAILED",
  "PASSWORD_LINK_ISSUE",
  "PASSWORD_LINK_USE",
  "TWO_FACTOR_ENROL",
  "TWO_FACTOR_DISABLE",
  "TWO_FACTOR_RESET",
  "TWO_FACTOR_FAILED",
  "RECOVERY_CODE_USE",
  "ACCESS_DENIED",
  "USER_PROVISION",
  "IDENTITY_LINK",
  "IDENTITY_UNLINK",
  "SETTINGS_UPDATE",
] as const satisfies readonly AuditAction[];

// Every action the log can hold is offered as a filter (and has a label): a new one not listed here fails the build.
const everyAction: Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]> extends never ? true : false = true;
void everyAction;

const day = isoDaySchema();

export const AuditFiltersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(254).optional(),
  from: day.optional(),
  to: day.optional(),
  page: pageFilter,
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;
