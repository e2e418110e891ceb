-- PostgreSQL twin of prisma/migrations/20261127053000_idea_last_activity_index (the same step, written for PostgreSQL).
-- CreateIndex
CREATE INDEX "Idea_lastActivityAt_idx" ON "Idea"("lastActivityAt");

