-- PostgreSQL twin of prisma/migrations/20261203110000_dashboard_idea_index_ids (the same step, written for PostgreSQL).
-- DropIndex
DROP INDEX "Idea_status_stageId_lastActivityAt_idx";

-- DropIndex
DROP INDEX "Idea_submittedAt_institutionId_idx";

-- DropIndex
DROP INDEX "Idea_institutionId_idx";

-- CreateIndex
CREATE INDEX "Idea_status_stageId_lastActivityAt_id_idx" ON "Idea"("status", "stageId", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Idea_submittedAt_institutionId_id_idx" ON "Idea"("submittedAt", "institutionId", "id");

-- CreateIndex
CREATE INDEX "Idea_institutionId_id_idx" ON "Idea"("institutionId", "id");
