// The filters of /admin/outbox, from the URL.
import { z } from "zod";
import type { OutboxStatus } from "~/generated/prisma/enums";
import { pageFilter } from "~/utils/schema";

export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "NOT_SENT"] as const satisfies readonly OutboxStatus[];

export const OutboxFiltersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  to: z.string().trim().max(200).optional(),
  page: pageFilter,
});
export type OutboxFilters = z.infer<typeof OutboxFiltersSchema>;
