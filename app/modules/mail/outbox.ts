// Outbox facts shared by the server and the page. Safe for the browser.
export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "NOT_SENT"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
