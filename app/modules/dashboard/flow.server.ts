// The dashboard's flow figures, kept in step with the events: a stage change closes the idea's
// stay in the old stage and opens one in the new, and counts the exit and the entry for the day
// and institution; an event after which the idea's principles may differ writes them into its
// stays. A reactor in the change's transaction; rebuildFlowFigures (dashboard.server.ts) derives
// the same rows from the events and the principles alone.
// See docs/decisions/0005-dashboard-figures.md.
import type { InsideReactor } from "~/core/reactors.server";
import { ENTERING, LEAVING } from "~/modules/idea/events";
import type { Tx } from "~/utils/db.server";
import { isoDayOf } from "~/utils/iso-day";
import type { EventType } from "~/generated/prisma/enums";
import { principleBit } from "./dashboard.figures";

const DAY_MS = 86_400_000;

/**
 * The events after which an idea's principles may have changed: a facilitator's tags, and the
 * author's edit of a returned idea (saved, or sent back). A draft has no stays yet.
 */
const RETAGGING: readonly EventType[] = ["TAGGED", "EDITED", "RESUBMITTED"];

/** The idea's principles now, as a stay's bits. */
async function principleBits(tx: Tx, ideaId: number) {
  const rows = await tx.ideaPrinciple.findMany({ where: { ideaId }, select: { principleId: true } });
  return rows.reduce((bits, r) => bits | principleBit(r.principleId), 0);
}

async function count(tx: Tx, key: { day: string; stageId: number; institutionId: number }, field: "entries" | "exits") {
  await tx.flowDay.upsert({ where: { day_stageId_institutionId: key }, create: { ...key, [field]: 1 }, update: { [field]: { increment: 1 } } });
}

export const flowReactor: InsideReactor<"idea"> = {
  name: "dashboard.flow",
  on: "idea",
  phase: "inside",
  async react(event, { tx }) {
    const leaves = LEAVING.includes(event.type) && event.fromStageId ? event.fromStageId : null;
    const enters = ENTERING.includes(event.type) && event.toStageId ? event.toStageId : null;
    const retagged = RETAGGING.includes(event.type);
    if (!leaves && !enters && !retagged) return;
    const bits = enters || retagged ? await principleBits(tx, event.ideaId) : 0;
    if (retagged) await tx.stay.updateMany({ where: { ideaId: event.ideaId, principleBits: { not: bits } }, data: { principleBits: bits } });
    if (!leaves && !enters) return;
    const idea = await tx.idea.findUniqueOrThrow({ where: { id: event.ideaId }, select: { institutionId: true } });
    const at = event.at;
    const day = isoDayOf(at);
    if (leaves) {
      const open = await tx.stay.findFirst({ where: { ideaId: event.ideaId, stageId: leaves, leftAt: null }, orderBy: { id: "desc" } });
      if (open) {
        await tx.stay.update({
          where: { id: open.id },
          data: { leftAt: at, days: (at.getTime() - open.enteredAt.getTime()) / DAY_MS, nextStageId: event.toStageId ?? null },
        });
        // An exit is a stay that ended, as rebuildFlowFigures counts it.
        await count(tx, { day, stageId: leaves, institutionId: idea.institutionId }, "exits");
      }
    }
    if (enters) {
      await tx.stay.create({ data: { ideaId: event.ideaId, stageId: enters, institutionId: idea.institutionId, principleBits: bits, enteredAt: at } });
      await count(tx, { day, stageId: enters, institutionId: idea.institutionId }, "entries");
    }
  },
};
