-- CreateTable
-- UNLOGGED: progress is worth nothing after a crash, and need not cost WAL.
CREATE UNLOGGED TABLE "sync_progress" (
    "sync_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "rows_done" INTEGER NOT NULL,
    "rows_total" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_progress_pkey" PRIMARY KEY ("sync_id")
);

