-- The language an idea is written in (its title and brief), so the pages mark its text with lang.
-- Ideas written before it were all written in Latvian.
-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'lv';
