import type { Db } from "~/utils/db.server";
import type { EventType } from "./events";
import { notifyFor } from "~/modules/notification/notification.server";
import { isoDayOf } from "~/utils/iso-day";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type NewEvent = {
  ideaId: number;
  actorId: number | null;
  type: EventType;
  fromStageId?: number | null;
  toStageId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
};

/** Events that put an idea into a stage, and those that take it out of one. */
export const ENTERING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "MOVED"];
export const LEAVING: readonly EventType[] = ["MOVED", "RETURNED", "DECLINED", "WITHDRAWN"];

const DAY_MS = 86_400_000;

/**
 * Writes an event and marks the idea's last activity; call inside the change's transaction.
 * A stage change also closes the idea's stay in the old stage and opens one in the new stage,
 * and counts the exit and the entry for the day: the dashboard reads those.
 */
export async function recordEvent(tx: Tx, event: NewEvent) {
  const at = event.at ?? new Date();
  await tx.event.create({
    data: {
      ideaId: event.ideaId,
      actorId: event.actorId,
      type: event.type,
      fromStageId: event.fromStageId ?? null,
      toStageId: event.toStageId ?? null,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      data: event.data ? JSON.stringify(event.data) : null,
      createdAt: at,
    },
  });
  const idea = await tx.idea.update({ where: { id: event.ideaId }, data: { lastActivityAt: at }, select: { institutionId: true } });
  await notifyFor(tx, event);
  const leaves = LEAVING.includes(event.type) && event.fromStageId;
  const enters = ENTERING.includes(event.type) && event.toStageId;
  if (!leaves && !enters) return;
  const count = async (stageId: number, field: "entries" | "exits") => {
    const key = { day: isoDayOf(at), stageId, institutionId: idea.institutionId };
    await tx.flowDay.upsert({ where: { day_stageId_institutionId: key }, create: { ...key, [field]: 1 }, update: { [field]: { increment: 1 } } });
  };
  if (leaves) {
    const open = await tx.stay.findFirst({ where: { ideaId: event.ideaId, stageId: event.fromStageId!, leftAt: null }, orderBy: { id: "desc" } });
    if (open) {
      await tx.stay.update({
        where: { id: open.id },
        data: { leftAt: at, days: (at.getTime() - open.enteredAt.getTime()) / DAY_MS, nextStageId: event.toStageId ?? null },
      });
      // An exit is a stay that ended, as rebuildFlowFigures counts it.
      await count(event.fromStageId!, "exits");
    }
  }
  if (enters) {
    await tx.stay.create({ data: { ideaId: event.ideaId, stageId: event.toStageId!, institutionId: idea.institutionId, enteredAt: at } });
    await count(event.toStageId!, "entries");
  }
}

export type { Tx };
