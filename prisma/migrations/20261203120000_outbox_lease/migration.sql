-- The mail job claims a message with a lease, so that with several server processes only one sends it.
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedUntil" DATETIME;
