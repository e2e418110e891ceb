// How many ideas each stage holds on the board, kept in step with the events: an idea that enters
// a stage (submitted, resubmitted, moved in) counts one up, one that leaves it (moved out,
// returned, declined, withdrawn) one down. A reactor in the change's transaction, so the counts
// commit or roll back with the move; rebuildStageCounts derives the same rows from Idea alone.
// The unfiltered board reads its column counts here (docs/decisions/0008-board-speed.md).
import type { InsideReactor } from "~/core/reactors.server";
import { ENTERING, LEAVING } from "~/modules/idea/events";
import { prisma, type Db, type Tx } from "~/utils/db.server";

async function add(tx: Tx, stageId: number, by: 1 | -1) {
  await tx.$executeRaw`INSERT INTO "StageCount" ("stageId", "ideas") VALUES (${stageId}, ${by}) ON CONFLICT ("stageId") DO UPDATE SET "ideas" = "StageCount"."ideas" + ${by}`;
}

export const stageCountReactor: InsideReactor<"idea"> = {
  name: "board.stageCounts",
  on: "idea",
  phase: "inside",
  async react(event, { tx }) {
    const leaves = LEAVING.includes(event.type) && event.fromStageId ? event.fromStageId : null;
    const enters = ENTERING.includes(event.type) && event.toStageId ? event.toStageId : null;
    if (leaves === enters) return;
    if (leaves) await add(tx, leaves, -1);
    if (enters) await add(tx, enters, 1);
  },
};

/** The ideas on the board per stage, counted from Idea (what the kept counts must equal). */
export async function recountStages(db: Db | Tx = prisma): Promise<Map<number, number>> {
  const rows = await db.idea.groupBy({ by: ["stageId"], where: { status: "ACTIVE", stageId: { not: null } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.stageId!, r._count._all]));
}

/** The kept counts per stage (stages without a row hold none). */
export async function keptStageCounts(db: Db | Tx = prisma): Promise<Map<number, number>> {
  const rows = await db.stageCount.findMany();
  return new Map(rows.filter((r) => r.ideas !== 0).map((r) => [r.stageId, r.ideas]));
}

/** Writes the counts afresh from Idea: after seeding, or to mend counts found out of step. */
export async function rebuildStageCounts(db: Db = prisma) {
  await db.$transaction([
    db.stageCount.deleteMany({}),
    db.$executeRaw`INSERT INTO "StageCount" ("stageId", "ideas") SELECT "stageId", COUNT(*) FROM "Idea" WHERE "status" = 'ACTIVE' AND "stageId" IS NOT NULL GROUP BY "stageId"`,
  ]);
}

/** The stages whose kept count differs from a recount: empty when all is in step. */
export async function checkStageCounts(db: Db | Tx = prisma) {
  const [kept, counted] = await Promise.all([keptStageCounts(db), recountStages(db)]);
  const stageIds = new Set([...kept.keys(), ...counted.keys()]);
  return [...stageIds]
    .map((stageId) => ({ stageId, kept: kept.get(stageId) ?? 0, counted: counted.get(stageId) ?? 0 }))
    .filter((d) => d.kept !== d.counted)
    .sort((a, b) => a.stageId - b.stageId);
}
