-- CreateTable
CREATE TABLE "Stay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ideaId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "institutionId" INTEGER NOT NULL,
    "enteredAt" DATETIME NOT NULL,
    "leftAt" DATETIME,
    "days" REAL,
    "nextStageId" INTEGER
);

-- CreateTable
CREATE TABLE "FlowDay" (
    "day" TEXT NOT NULL,
    "stageId" INTEGER NOT NULL,
    "institutionId" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "exits" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "stageId", "institutionId")
);

-- CreateIndex
CREATE INDEX "Stay_ideaId_leftAt_idx" ON "Stay"("ideaId", "leftAt");

-- CreateIndex
CREATE INDEX "Stay_stageId_leftAt_nextStageId_idx" ON "Stay"("stageId", "leftAt", "nextStageId");

-- CreateIndex
CREATE INDEX "Stay_stageId_days_leftAt_idx" ON "Stay"("stageId", "days", "leftAt");

-- CreateIndex
CREATE INDEX "Stay_institutionId_stageId_leftAt_nextStageId_idx" ON "Stay"("institutionId", "stageId", "leftAt", "nextStageId");

-- CreateIndex
CREATE INDEX "Stay_institutionId_stageId_days_leftAt_idx" ON "Stay"("institutionId", "stageId", "days", "leftAt");

-- CreateIndex
CREATE INDEX "FlowDay_stageId_day_idx" ON "FlowDay"("stageId", "day");

-- CreateIndex
CREATE INDEX "Idea_status_stageId_lastActivityAt_idx" ON "Idea"("status", "stageId", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Idea_submittedAt_institutionId_idx" ON "Idea"("submittedAt", "institutionId");

