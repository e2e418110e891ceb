-- AlterTable
ALTER TABLE "User" ADD COLUMN     "homeSeenAt" TIMESTAMP(3);
