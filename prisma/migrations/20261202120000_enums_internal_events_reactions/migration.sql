-- Every closed set of values is an enum in schema.prisma. SQLite keeps enums as text, so the
-- columns stay as they are; their values are converted to the enums' names (one spelling per
-- concept: "instant" and "INSTANT" were the same thing).

-- Notification kinds: "idea.moved" → MOVED, and so on.
UPDATE "Notification" SET "kind" = CASE "kind"
  WHEN 'idea.moved' THEN 'MOVED' WHEN 'idea.closed' THEN 'CLOSED' WHEN 'idea.returned' THEN 'RETURNED'
  WHEN 'idea.declined' THEN 'DECLINED' WHEN 'comment' THEN 'COMMENT' WHEN 'assigned' THEN 'ASSIGNED'
  ELSE "kind" END;
UPDATE "NotificationPreference" SET "kind" = CASE "kind"
  WHEN 'idea.moved' THEN 'MOVED' WHEN 'idea.closed' THEN 'CLOSED' WHEN 'idea.returned' THEN 'RETURNED'
  WHEN 'idea.declined' THEN 'DECLINED' WHEN 'comment' THEN 'COMMENT' WHEN 'assigned' THEN 'ASSIGNED'
  ELSE "kind" END;

-- Outbox kinds: "instant" → INSTANT, "digest" → DIGEST, "set-password" → SET_PASSWORD.
UPDATE "OutboxMessage" SET "kind" = CASE "kind"
  WHEN 'instant' THEN 'INSTANT' WHEN 'digest' THEN 'DIGEST' WHEN 'set-password' THEN 'SET_PASSWORD'
  ELSE "kind" END;

-- Audit actions and targets: "auth.sign-in" → SIGN_IN, "user" → USER, and so on.
UPDATE "AuditEntry" SET "action" = CASE "action"
  WHEN 'auth.sign-in' THEN 'SIGN_IN' WHEN 'auth.sign-in-failed' THEN 'SIGN_IN_FAILED'
  WHEN 'user.create' THEN 'USER_CREATE' WHEN 'user.update' THEN 'USER_UPDATE'
  WHEN 'user.deactivate' THEN 'USER_DEACTIVATE' WHEN 'user.reactivate' THEN 'USER_REACTIVATE'
  WHEN 'institution.create' THEN 'INSTITUTION_CREATE' WHEN 'institution.update' THEN 'INSTITUTION_UPDATE'
  WHEN 'stage.create' THEN 'STAGE_CREATE' WHEN 'stage.update' THEN 'STAGE_UPDATE'
  WHEN 'stage.archive' THEN 'STAGE_ARCHIVE' WHEN 'stage.reorder' THEN 'STAGE_REORDER' WHEN 'stage.gate' THEN 'STAGE_GATE'
  ELSE "action" END;
UPDATE "AuditEntry" SET "targetType" = upper("targetType") WHERE "targetType" IN ('user', 'institution', 'stage');

-- An internal note's event is marked in a column of its own; it was a flag inside the JSON details.
ALTER TABLE "Event" ADD COLUMN "internal" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Event" SET "internal" = true WHERE "type" = 'COMMENTED' AND json_valid("data") AND json_extract("data", '$.internal') = 1;
UPDATE "Event" SET "data" = json_remove("data", '$.internal') WHERE "type" = 'COMMENTED' AND json_valid("data") AND json_type("data", '$.internal') IS NOT NULL;

-- Reactions: after-commit work (e-mail, later webhooks), written in the change's transaction.
CREATE TABLE "Reaction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reactor" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "failedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "Reaction_failedAt_runAt_idx" ON "Reaction"("failedAt", "runAt");
