-- AlterTable
ALTER TABLE "sync_runs" ADD COLUMN     "input_digest" TEXT;

