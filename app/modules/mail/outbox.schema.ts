// The filters of /admin/outbox, from the URL.
import { z } from "zod";
import type { OutboxStatus } from "~/generated/prisma/enums";

export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "NOT_SENT"] as const satisfies readonly OutboxStatus[];

export const OutboxFiltersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  to: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
export type OutboxFilters = z.infer<typeof OutboxFiltersSchema>;
