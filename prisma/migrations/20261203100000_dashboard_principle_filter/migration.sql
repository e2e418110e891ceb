-- The dashboard's principle filter read from the indexes (docs/decisions/0005-dashboard-figures.md):
-- each stay carries its idea's principles as bits, the indexes the figures walk carry the bits,
-- and a principle's ideas and the completed experiments' results are read from indexes alone.
-- DropIndex
DROP INDEX "IdeaPrinciple_principleId_idx";

-- DropIndex
DROP INDEX "Experiment_status_completedAt_idx";

-- DropIndex
DROP INDEX "Stay_stageId_leftAt_nextStageId_idx";

-- DropIndex
DROP INDEX "Stay_stageId_days_leftAt_idx";

-- AlterTable
ALTER TABLE "Stay" ADD COLUMN "principleBits" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the principles each stay's idea has now.
UPDATE "Stay" SET "principleBits" = (SELECT COALESCE(SUM(1 << (ip."principleId" - 1)), 0) FROM "IdeaPrinciple" ip WHERE ip."ideaId" = "Stay"."ideaId");

-- CreateIndex
CREATE INDEX "IdeaPrinciple_principleId_ideaId_idx" ON "IdeaPrinciple"("principleId", "ideaId");

-- CreateIndex
CREATE INDEX "Experiment_status_completedAt_result_ideaId_idx" ON "Experiment"("status", "completedAt", "result", "ideaId");

-- CreateIndex
CREATE INDEX "Stay_stageId_enteredAt_principleBits_idx" ON "Stay"("stageId", "enteredAt", "principleBits");

-- CreateIndex
CREATE INDEX "Stay_stageId_leftAt_nextStageId_principleBits_idx" ON "Stay"("stageId", "leftAt", "nextStageId", "principleBits");

-- CreateIndex
CREATE INDEX "Stay_stageId_days_leftAt_principleBits_idx" ON "Stay"("stageId", "days", "leftAt", "principleBits");
