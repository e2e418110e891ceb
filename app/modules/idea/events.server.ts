import type { Db } from "~/utils/db.server";
import type { EventType } from "./events";

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

/** Writes an event and marks the idea's last activity; call inside the change's transaction. */
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
  await tx.idea.update({ where: { id: event.ideaId }, data: { lastActivityAt: at } });
}

export type { Tx };
