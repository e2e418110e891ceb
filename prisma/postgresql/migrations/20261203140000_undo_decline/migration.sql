-- PostgreSQL twin of prisma/migrations/20261203140000_undo_decline (the same step, written for PostgreSQL).
-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'DECLINE_UNDONE';
