-- PostgreSQL twin of prisma/migrations/20261203170000_idea_merge (the same step, written for PostgreSQL).
-- AlterEnum
ALTER TYPE "IdeaStatus" ADD VALUE 'MERGED';

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'MERGED';
ALTER TYPE "EventType" ADD VALUE 'MERGED_IN';
ALTER TYPE "EventType" ADD VALUE 'MERGE_UNDONE';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "mergedIntoId" INTEGER;

-- CreateIndex
CREATE INDEX "Idea_mergedIntoId_idx" ON "Idea"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;
