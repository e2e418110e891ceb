-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "createToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Idea_createToken_key" ON "Idea"("createToken");

