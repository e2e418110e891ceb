// What people can be told about, and how they choose to hear it. Safe for the browser.
import type { DeliveryMode, NotificationKind } from "~/generated/prisma/enums";

export const NOTIFICATION_KINDS = ["MOVED", "CLOSED", "RETURNED", "DECLINED", "COMMENT", "ASSIGNED", "MERGED"] as const satisfies readonly NotificationKind[];
export const DELIVERY_MODES = ["INSTANT", "DIGEST", "OFF"] as const satisfies readonly DeliveryMode[];
export type { DeliveryMode, NotificationKind };

/** Without a choice of their own, people hear of decisions on their ideas at once and of comments in the daily digest. */
export const DEFAULT_MODES: Record<NotificationKind, DeliveryMode> = {
  MOVED: "INSTANT",
  CLOSED: "INSTANT",
  RETURNED: "INSTANT",
  DECLINED: "INSTANT",
  COMMENT: "DIGEST",
  ASSIGNED: "INSTANT",
  MERGED: "INSTANT",
};
