-- AlterTable
ALTER TABLE "fields" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'sync',
ALTER COLUMN "column" DROP NOT NULL;

-- AlterTable
ALTER TABLE "records" ADD COLUMN     "own_cells" TEXT;

