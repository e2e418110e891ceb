-- The dashboard's idea figures read from indexes alone on PostgreSQL too (docs/decisions/0005-dashboard-figures.md):
-- its indexes hold no row id unless named (SQLite's always do), so the ideas' indexes the figures
-- read end with "id", and a principle's or an institution's ideas are matched without reading rows.
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
