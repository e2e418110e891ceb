-- PostgreSQL twin of prisma/migrations/20261203120000_outbox_lease.
-- The mail job claims a message with a lease, so that with several server processes only one sends it.
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedUntil" TIMESTAMP(3);
