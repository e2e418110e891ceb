-- PostgreSQL twin of prisma/migrations/20261202180000_security (the same step, written for PostgreSQL).
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'SIGN_OUT';
ALTER TYPE "AuditAction" ADD VALUE 'SESSION_END';
ALTER TYPE "AuditAction" ADD VALUE 'PASSWORD_CHANGE';
ALTER TYPE "AuditAction" ADD VALUE 'PASSWORD_CHECK_FAILED';
ALTER TYPE "AuditAction" ADD VALUE 'PASSWORD_LINK_ISSUE';
ALTER TYPE "AuditAction" ADD VALUE 'PASSWORD_LINK_USE';
ALTER TYPE "AuditAction" ADD VALUE 'TWO_FACTOR_ENROL';
ALTER TYPE "AuditAction" ADD VALUE 'TWO_FACTOR_DISABLE';
ALTER TYPE "AuditAction" ADD VALUE 'TWO_FACTOR_RESET';
ALTER TYPE "AuditAction" ADD VALUE 'TWO_FACTOR_FAILED';
ALTER TYPE "AuditAction" ADD VALUE 'RECOVERY_CODE_USE';
ALTER TYPE "AuditAction" ADD VALUE 'ACCESS_DENIED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditTarget" ADD VALUE 'SESSION';
ALTER TYPE "AuditTarget" ADD VALUE 'ROUTE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_ip_createdAt_idx" ON "LoginAttempt"("email", "ip", "createdAt");

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit log is append-only: no update or delete reaches it, whatever the code asks.
CREATE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log cannot be changed';
END;
$$;
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_refuse_change"();
CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_refuse_change"();

-- PostgreSQL only: search finds words inside "searchText" (lower case, diacritics removed by the
-- app, as on SQLite) with LIKE '%word%'; trigram indexes let PostgreSQL answer that without reading
-- every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Idea_searchText_trgm_idx" ON "Idea" USING gin ("searchText" gin_trgm_ops);
CREATE INDEX "Experiment_searchText_trgm_idx" ON "Experiment" USING gin ("searchText" gin_trgm_ops);
