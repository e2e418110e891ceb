-- PostgreSQL twin of prisma/migrations/20261127070000_event_idea_type_index (the same step, written for PostgreSQL).
-- CreateIndex
CREATE INDEX "Event_ideaId_type_createdAt_idx" ON "Event"("ideaId", "type", "createdAt");

