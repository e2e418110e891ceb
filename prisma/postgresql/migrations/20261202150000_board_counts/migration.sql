-- PostgreSQL twin of prisma/migrations/20261202150000_board_counts (the same step, written for PostgreSQL).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "boardDensity" TEXT NOT NULL DEFAULT 'comfortable';

-- CreateTable
CREATE TABLE "StageCount" (
    "stageId" INTEGER NOT NULL,
    "ideas" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StageCount_pkey" PRIMARY KEY ("stageId")
);


-- Backfill: the ideas on the board now, per stage.
INSERT INTO "StageCount" ("stageId", "ideas")
SELECT "stageId", COUNT(*) FROM "Idea" WHERE "status" = 'ACTIVE' AND "stageId" IS NOT NULL GROUP BY "stageId";
