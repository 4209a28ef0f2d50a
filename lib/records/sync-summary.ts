import "server-only";
import { findSyncOfTable } from "../data/sync-endpoints";
import { readLastAppliedAt, readLastRunSummary } from "../data/sync-runs";
import type { TableSyncSummary } from "./grid";

// The status bar's poll: cheap enough for every few seconds (no problem lists, no payload).
export async function getTableSyncSummary(tableId: string): Promise<TableSyncSummary | null> {
  const sync = await findSyncOfTable(tableId);
  if (!sync) return null;
  const [lastRun, lastAppliedAt] = await Promise.all([readLastRunSummary(sync.id), readLastAppliedAt(sync.id)]);
  const updateMethod = (sync.config as { updateMethod?: string } | null)?.updateMethod === "manual" ? "manual" : "auto";
  return { syncId: sync.id, updateMethod, lastRun, lastAppliedAt };
}
