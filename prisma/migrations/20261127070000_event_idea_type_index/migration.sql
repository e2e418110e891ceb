-- CreateIndex
CREATE INDEX "Event_ideaId_type_createdAt_idx" ON "Event"("ideaId", "type", "createdAt");

