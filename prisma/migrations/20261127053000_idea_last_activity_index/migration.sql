-- CreateIndex
CREATE INDEX "Idea_lastActivityAt_idx" ON "Idea"("lastActivityAt");

