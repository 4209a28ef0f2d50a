import "server-only";
import { getPool } from "../db";
import type { RunProgressJson } from "../sync-shapes/json";

// The `sync_progress` table: how far a run in flight has got (lib/sync/engine/progress.ts writes
// it). Raw SQL on the pool, never on the run's transaction: the point is that others see it before
// the run commits. UNLOGGED, no foreign key: worth nothing after a crash.

// A row not touched for this long belongs to a process that died mid-run.
const STALE_AFTER_SECONDS = 10;

export type ProgressRow = Omit<RunProgressJson, "startedAt"> & { syncId: string; startedAt: Date };

export async function writeProgress(row: ProgressRow): Promise<void> {
  await getPool().query(
    `INSERT INTO sync_progress (sync_id, run_id, phase, rows_done, rows_total, started_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (sync_id) DO UPDATE SET run_id = $2, phase = $3, rows_done = $4, rows_total = $5, started_at = $6, updated_at = now()`,
    [row.syncId, row.runId, row.phase, row.rowsDone, row.rowsTotal, row.startedAt],
  );
}

export async function clearProgress(syncId: string, runId: string): Promise<void> {
  await getPool().query(`DELETE FROM sync_progress WHERE sync_id = $1 AND run_id = $2`, [syncId, runId]);
}

// The sync's run in flight, if any: not once the run is recorded (it committed), nor when stale.
export async function readProgress(syncId: string): Promise<RunProgressJson | null> {
  const { rows } = await getPool().query<{ run_id: string; phase: RunProgressJson["phase"]; rows_done: number; rows_total: number; started_at: Date }>(
    `SELECT run_id, phase, rows_done, rows_total, started_at FROM sync_progress p
      WHERE sync_id = $1 AND updated_at > now() - make_interval(secs => $2)
        AND NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.id = p.run_id)`,
    [syncId, STALE_AFTER_SECONDS],
  );
  const row = rows[0];
  if (!row) return null;
  return { runId: row.run_id, phase: row.phase, rowsDone: row.rows_done, rowsTotal: row.rows_total, startedAt: row.started_at.toISOString() };
}
