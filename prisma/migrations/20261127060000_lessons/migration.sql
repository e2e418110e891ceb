-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Experiment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ideaId" INTEGER NOT NULL,
    "hypothesis" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "methodType" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "successCriterion" TEXT NOT NULL,
    "startsOn" DATETIME,
    "endsOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "participants" INTEGER,
    "observed" TEXT,
    "learned" TEXT,
    "decision" TEXT,
    "result" TEXT,
    "evidenceStrength" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "Experiment_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Experiment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Experiment" ("completedAt", "createdAt", "createdById", "decision", "endsOn", "evidenceStrength", "hypothesis", "id", "ideaId", "learned", "method", "methodType", "metric", "observed", "participants", "result", "startsOn", "status", "successCriterion", "updatedAt", "version") SELECT "completedAt", "createdAt", "createdById", "decision", "endsOn", "evidenceStrength", "hypothesis", "id", "ideaId", "learned", "method", "methodType", "metric", "observed", "participants", "result", "startsOn", "status", "successCriterion", "updatedAt", "version" FROM "Experiment";
DROP TABLE "Experiment";
ALTER TABLE "new_Experiment" RENAME TO "Experiment";
CREATE INDEX "Experiment_ideaId_idx" ON "Experiment"("ideaId");
CREATE INDEX "Experiment_status_completedAt_idx" ON "Experiment"("status", "completedAt");
CREATE INDEX "Experiment_completedAt_idx" ON "Experiment"("completedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Idea_closedAt_idx" ON "Idea"("closedAt");

