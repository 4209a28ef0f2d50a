-- AlterTable
ALTER TABLE "sync_endpoints" ADD COLUMN     "draft" JSONB;

