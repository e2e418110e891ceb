-- PostgreSQL twin of prisma/migrations/20261203100000_dashboard_principle_filter (the same step, written for PostgreSQL).
-- DropIndex
DROP INDEX "IdeaPrinciple_principleId_idx";

-- DropIndex
DROP INDEX "Experiment_status_completedAt_idx";

-- DropIndex
DROP INDEX "Stay_stageId_leftAt_nextStageId_idx";

-- DropIndex
DROP INDEX "Stay_stageId_days_leftAt_idx";

-- AlterTable
ALTER TABLE "Stay" ADD COLUMN     "principleBits" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the principles each stay's idea has now.
UPDATE "Stay" SET "principleBits" = (SELECT COALESCE(SUM(1 << (ip."principleId" - 1)), 0)::int FROM "IdeaPrinciple" ip WHERE ip."ideaId" = "Stay"."ideaId");

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
