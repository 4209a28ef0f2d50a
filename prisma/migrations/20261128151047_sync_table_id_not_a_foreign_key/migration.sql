-- DropForeignKey
ALTER TABLE "sync_endpoints" DROP CONSTRAINT "sync_endpoints_table_id_fkey";

