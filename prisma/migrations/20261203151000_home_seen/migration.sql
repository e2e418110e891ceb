-- AlterTable
ALTER TABLE "User" ADD COLUMN "homeSeenAt" DATETIME;
