-- The board's column counts, kept by the board.stageCounts reactor (docs/decisions/0008-board-speed.md).
-- CreateTable
CREATE TABLE "StageCount" (
    "stageId" INTEGER NOT NULL PRIMARY KEY,
    "ideas" INTEGER NOT NULL DEFAULT 0
);

-- Backfill: the ideas on the board now, per stage.
INSERT INTO "StageCount" ("stageId", "ideas")
SELECT "stageId", COUNT(*) FROM "Idea" WHERE "status" = 'ACTIVE' AND "stageId" IS NOT NULL GROUP BY "stageId";

-- The board's remembered card density (comfortable or compact).
-- AlterTable
ALTER TABLE "User" ADD COLUMN "boardDensity" TEXT NOT NULL DEFAULT 'comfortable';
