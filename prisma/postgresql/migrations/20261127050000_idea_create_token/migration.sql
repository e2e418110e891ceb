-- PostgreSQL twin of prisma/migrations/20261127050000_idea_create_token (the same step, written for PostgreSQL).
-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "createToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Idea_createToken_key" ON "Idea"("createToken");

