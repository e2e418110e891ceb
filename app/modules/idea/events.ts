// Which events put an idea into a stage and which take it out: the dashboard's stays and daily
// counts follow these. Safe to import in the browser.
import type { EventType } from "~/generated/prisma/enums";

export const ENTERING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "MOVED", "DECLINE_UNDONE"];
export const LEAVING: readonly EventType[] = ["MOVED", "RETURNED", "DECLINED", "WITHDRAWN"];

/** The events that put an idea somewhere (a stage or a status): after one of them a decline can no longer be taken back. */
export const PLACING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "RETURNED", "DECLINED", "DECLINE_UNDONE", "WITHDRAWN", "MOVED"];

/** The decline that can still be taken back: the idea's last placing event, when it is a decline (events in their order). */
export function undoableDecline(status: string, events: readonly { id: number; type: EventType }[]) {
  if (status !== "DECLINED") return null;
  const last = events.filter((e) => PLACING.includes(e.type)).at(-1);
  return last?.type === "DECLINED" ? last.id : null;
}
