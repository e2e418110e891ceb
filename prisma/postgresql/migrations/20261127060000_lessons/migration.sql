-- PostgreSQL twin of prisma/migrations/20261127060000_lessons (the same step, written for PostgreSQL).
-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Idea_closedAt_idx" ON "Idea"("closedAt");

-- CreateIndex
CREATE INDEX "Experiment_completedAt_idx" ON "Experiment"("completedAt");

