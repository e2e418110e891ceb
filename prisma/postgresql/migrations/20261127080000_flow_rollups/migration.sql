-- PostgreSQL twin of prisma/migrations/20261127080000_flow_rollups (the same step, written for PostgreSQL).
-- CreateTable
CREATE TABLE "Stay" (
    "id" SERIAL NOT NULL,
    "ideaId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "institutionId" INTEGER NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),
    "days" DOUBLE PRECISION,
    "nextStageId" INTEGER,

    CONSTRAINT "Stay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowDay" (
    "day" TEXT NOT NULL,
    "stageId" INTEGER NOT NULL,
    "institutionId" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "exits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FlowDay_pkey" PRIMARY KEY ("day","stageId","institutionId")
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

