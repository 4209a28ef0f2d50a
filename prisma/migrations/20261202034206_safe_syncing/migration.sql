-- CreateTable
CREATE TABLE "sync_run_changes" (
    "run_id" TEXT NOT NULL,
    "sync_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_keys" TEXT[],
    "deleted_keys" TEXT[],
    "added_field_ids" TEXT[],
    "undone_by" TEXT,

    CONSTRAINT "sync_run_changes_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "sync_run_updates" (
    "run_id" TEXT NOT NULL,
    "sync_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "revived" BOOLEAN NOT NULL,
    "before_cells" TEXT NOT NULL,
    "after_cells" TEXT NOT NULL,
    "before_fingerprint" BIGINT,
    "before_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "before_deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "sync_run_updates_pkey" PRIMARY KEY ("run_id","key")
);

-- CreateTable
CREATE TABLE "sync_idempotency_keys" (
    "sync_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "body" TEXT,

    CONSTRAINT "sync_idempotency_keys_pkey" PRIMARY KEY ("sync_id","key")
);

-- CreateIndex
CREATE INDEX "sync_run_changes_sync_id_created_at_idx" ON "sync_run_changes"("sync_id", "created_at");

-- CreateIndex
CREATE INDEX "sync_run_updates_sync_id_idx" ON "sync_run_updates"("sync_id");

-- AddForeignKey
ALTER TABLE "sync_run_changes" ADD CONSTRAINT "sync_run_changes_sync_id_fkey" FOREIGN KEY ("sync_id") REFERENCES "sync_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run_updates" ADD CONSTRAINT "sync_run_updates_sync_id_fkey" FOREIGN KEY ("sync_id") REFERENCES "sync_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_idempotency_keys" ADD CONSTRAINT "sync_idempotency_keys_sync_id_fkey" FOREIGN KEY ("sync_id") REFERENCES "sync_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "sync_endpoints" ADD COLUMN "recent_refusals" JSONB NOT NULL DEFAULT '[]';
