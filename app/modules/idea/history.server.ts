// The idea's history: every idea event becomes a row of the Event table, and marks the idea's
// last activity (what "stale" and the lists' order read). Runs inside the change's transaction.
import type { InsideReactor } from "~/core/reactors.server";

export const historyReactor: InsideReactor<"idea"> = {
  name: "idea.history",
  on: "idea",
  phase: "inside",
  async react(event, { tx }) {
    await tx.event.create({
      data: {
        ideaId: event.ideaId,
        actorId: event.actorId,
        type: event.type,
        fromStageId: event.fromStageId ?? null,
        toStageId: event.toStageId ?? null,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        internal: event.internal ?? false,
        data: event.data ? JSON.stringify(event.data) : null,
        createdAt: event.at,
      },
    });
    await tx.idea.update({ where: { id: event.ideaId }, data: { lastActivityAt: event.at } });
  },
};
