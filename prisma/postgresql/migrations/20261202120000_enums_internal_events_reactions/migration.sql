-- PostgreSQL twin of prisma/migrations/20261202120000_enums_internal_events_reactions (the same step, written for PostgreSQL).
-- PostgreSQL deployments begin with all of these steps on an empty database, so the columns that
-- become enums here are dropped and added (SQLite kept them and converted their values).
-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('lv', 'en');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('CREATED', 'SUBMITTED', 'RESUBMITTED', 'EDITED', 'RETURNED', 'DECLINED', 'WITHDRAWN', 'MOVED', 'REORDERED', 'ASSIGNED', 'TAGGED', 'COMMENTED', 'EXPERIMENT_CREATED', 'EXPERIMENT_UPDATED', 'EXPERIMENT_COMPLETED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MOVED', 'CLOSED', 'RETURNED', 'DECLINED', 'COMMENT', 'ASSIGNED');

-- CreateEnum
CREATE TYPE "Delivery" AS ENUM ('INSTANT', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('INSTANT', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('INSTANT', 'DIGEST', 'SET_PASSWORD');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'NOT_SENT');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'USER_CREATE', 'USER_UPDATE', 'USER_DEACTIVATE', 'USER_REACTIVATE', 'INSTITUTION_CREATE', 'INSTITUTION_UPDATE', 'STAGE_CREATE', 'STAGE_UPDATE', 'STAGE_ARCHIVE', 'STAGE_REORDER', 'STAGE_GATE');

-- CreateEnum
CREATE TYPE "AuditTarget" AS ENUM ('USER', 'INSTITUTION', 'STAGE');

-- AlterTable
ALTER TABLE "User" DROP COLUMN "locale",
ADD COLUMN     "locale" "Locale";

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false,
DROP COLUMN "type",
ADD COLUMN     "type" "EventType" NOT NULL,
DROP COLUMN "fromStatus",
ADD COLUMN     "fromStatus" "IdeaStatus",
DROP COLUMN "toStatus",
ADD COLUMN     "toStatus" "IdeaStatus";

-- AlterTable
ALTER TABLE "AuditEntry" DROP COLUMN "action",
ADD COLUMN     "action" "AuditAction" NOT NULL,
DROP COLUMN "targetType",
ADD COLUMN     "targetType" "AuditTarget";

-- AlterTable
ALTER TABLE "Notification" DROP COLUMN "kind",
ADD COLUMN     "kind" "NotificationKind" NOT NULL,
DROP COLUMN "delivery",
ADD COLUMN     "delivery" "Delivery" NOT NULL DEFAULT 'INSTANT';

-- AlterTable
ALTER TABLE "NotificationPreference" DROP CONSTRAINT "NotificationPreference_pkey",
DROP COLUMN "kind",
ADD COLUMN     "kind" "NotificationKind" NOT NULL,
DROP COLUMN "mode",
ADD COLUMN     "mode" "DeliveryMode" NOT NULL,
ADD CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId", "kind");

-- AlterTable
ALTER TABLE "OutboxMessage" DROP COLUMN "locale",
ADD COLUMN     "locale" "Locale" NOT NULL,
DROP COLUMN "kind",
ADD COLUMN     "kind" "OutboxKind" NOT NULL,
DROP COLUMN "status",
ADD COLUMN     "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING';

-- CreateTable
CREATE TABLE "Reaction" (
    "id" SERIAL NOT NULL,
    "reactor" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reaction_failedAt_runAt_idx" ON "Reaction"("failedAt", "runAt");

-- CreateIndex
CREATE INDEX "Event_ideaId_type_createdAt_idx" ON "Event"("ideaId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "Event_type_createdAt_idx" ON "Event"("type", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_mailedAt_delivery_userId_idx" ON "Notification"("mailedAt", "delivery", "userId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

