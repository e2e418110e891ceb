// Which events put an idea into a stage and which take it out: the dashboard's stays and daily
// counts follow these. Safe to import in the browser.
import type { EventType } from "~/generated/prisma/enums";

// A merge's undo (MERGE_UNDONE) enters a stage only on the idea that was merged, whose event names
// the stage (toStageId); the same event on the idea it had been merged into names none.
export const ENTERING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "MOVED", "DECLINE_UNDONE", "MERGE_UNDONE"];
export const LEAVING: readonly EventType[] = ["MOVED", "RETURNED", "DECLINED", "WITHDRAWN", "MERGED"];

/** The events that put an idea somewhere (a stage or a status): after one of them a decline can no longer be taken back. */
export const PLACING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "RETURNED", "DECLINED", "DECLINE_UNDONE", "WITHDRAWN", "MOVED", "MERGED"];

/** The decline that can still be taken back: the idea's last placing event, when it is a decline (events in their order). */
export function undoableDecline(status: string, events: readonly { id: number; type: EventType }[]) {
  if (status !== "DECLINED") return null;
  const last = events.filter((e) => PLACING.includes(e.type)).at(-1);
  return last?.type === "DECLINED" ? last.id : null;
}

/** The other idea a merge event names: data.mergedId on the idea merged into, data.intoId on the merged idea. */
export function mergePartner(data: string | null | undefined): number | null {
  if (!data) return null;
  try {
    const parsed = JSON.parse(data) as { intoId?: unknown; mergedId?: unknown } | null;
    const id = typeof parsed?.mergedId === "number" ? parsed.mergedId : parsed?.intoId;
    return typeof id === "number" && Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * The merges into an idea that can still be taken back (their MERGED_IN events' ids): the idea merged
 * is still merged into this one (`merged`: their ids), by its latest MERGED_IN here (events in their
 * order), and this idea has not itself been merged into another since.
 */
export function undoableMerges(status: string, events: readonly { id: number; type: EventType; data: string | null }[], merged: readonly number[]) {
  const found = new Set<number>();
  if (status === "MERGED") return found;
  const latest = new Map<number, number>();
  for (const event of events) {
    const partner = event.type === "MERGED_IN" ? mergePartner(event.data) : null;
    if (partner !== null) latest.set(partner, event.id);
  }
  for (const [partner, eventId] of latest) if (merged.includes(partner)) found.add(eventId);
  return found;
}
