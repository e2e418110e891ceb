-- Merging duplicate ideas: an idea merged into another (status MERGED) points to it. SQLite keeps
-- enums as text (IdeaStatus MERGED; EventType MERGED, MERGED_IN, MERGE_UNDONE; NotificationKind
-- MERGED): only the column, its foreign key and its index. A column added with a REFERENCES clause
-- and no default needs no copy of the table.
-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "mergedIntoId" INTEGER CONSTRAINT "Idea_mergedIntoId_fkey" REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Idea_mergedIntoId_idx" ON "Idea"("mergedIntoId");
