import "server-only";
import { db } from "../db";
import { readRunProgress } from "../sync/engine/progress";
import type { RunStatus, RunTrigger } from "../sync-shapes/json";
import type { TableSyncSummary } from "./grid";

const RUN_SELECT = {
  id: true, trigger: true, status: true, startedAt: true, finishedAt: true, durationMs: true,
  created: true, updated: true, deleted: true, unchanged: true, skipped: true, problemCount: true, error: true,
} as const;

// The status bar's poll: cheap enough for every few seconds (no problem lists, no payload).
export async function getTableSyncSummary(tableId: string): Promise<TableSyncSummary | null> {
  const sync = await db.syncEndpoint.findUnique({ where: { tableId }, select: { id: true, config: true } });
  if (!sync) return null;
  const [lastRun, lastApplied, progress] = await Promise.all([
    db.syncRun.findFirst({ where: { syncId: sync.id }, orderBy: [{ startedAt: "desc" }, { finishedAt: "desc" }], select: RUN_SELECT }),
    db.syncRun.findFirst({ where: { syncId: sync.id, status: "applied" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    readRunProgress(sync.id),
  ]);
  const updateMethod = (sync.config as { updateMethod?: string } | null)?.updateMethod === "manual" ? "manual" : "auto";
  return {
    syncId: sync.id,
    updateMethod,
    lastRun: lastRun && {
      ...lastRun,
      trigger: lastRun.trigger as RunTrigger,
      status: lastRun.status as RunStatus,
      startedAt: lastRun.startedAt.toISOString(),
      finishedAt: lastRun.finishedAt?.toISOString() ?? null,
    },
    lastAppliedAt: lastApplied?.finishedAt?.toISOString() ?? null,
    progress,
  };
}
