import "server-only";
import type { SyncConfig } from "../../sync-shapes/config";
import type { ApplyCounts } from "./apply";
import type { Tx } from "./transaction";
import { sameColumn } from "../../csv/header";

// Puts a table back the way it was before one run, from the run's change list (changes.ts):
// records the run inserted are deleted, records it deleted are live again, records it rewrote or
// revived get their stored row back (cells, fingerprint, updated_at, tombstone), and fields it
// added go. Record ids never change: every record that existed before the run still has its row.
// The caller holds the table's lock and has checked that no later run changed the table.
export async function revertRunChanges(
  tx: Tx,
  input: { tableId: string; syncId: string; runId: string; config: SyncConfig },
): Promise<ApplyCounts & { config: SyncConfig }> {
  const { tableId, runId } = input;
  const removed = await tx.query(
    `DELETE FROM records WHERE table_id = $1 AND key = ANY((SELECT created_keys FROM sync_run_changes WHERE run_id = $2)::text[])`,
    [tableId, runId],
  );
  const restored = await tx.query(
    `UPDATE records SET deleted_at = NULL
      WHERE table_id = $1 AND deleted_at IS NOT NULL AND key = ANY((SELECT deleted_keys FROM sync_run_changes WHERE run_id = $2)::text[])`,
    [tableId, runId],
  );
  const rewound = await tx.query<{ revived: boolean }>(
    `UPDATE records r SET cells = u.before_cells, fingerprint = u.before_fingerprint, updated_at = u.before_updated_at, deleted_at = u.before_deleted_at
       FROM sync_run_updates u
      WHERE u.run_id = $2 AND r.table_id = $1 AND r.key = u.key
     RETURNING u.revived`,
    [tableId, runId],
  );
  const fields = await tx.query<{ column: string }>(
    `DELETE FROM fields WHERE table_id = $1 AND id = ANY((SELECT added_field_ids FROM sync_run_changes WHERE run_id = $2)::text[]) RETURNING "column"`,
    [tableId, runId],
  );
  const gone = fields.rows.map((f) => f.column);
  const config = { ...input.config, fields: input.config.fields.filter((f) => !gone.some((c) => sameColumn(c, f.column))) };
  const reTombstoned = rewound.rows.filter((r) => r.revived).length;
  return {
    created: restored.rowCount ?? 0,
    updated: rewound.rows.length - reTombstoned,
    deleted: (removed.rowCount ?? 0) + reTombstoned,
    unchanged: 0,
    config,
  };
}

export async function markUndone(tx: Tx, input: { runId: string; undoRunId: string }): Promise<void> {
  await tx.query(`UPDATE sync_run_changes SET undone_by = $2 WHERE run_id = $1`, [input.runId, input.undoRunId]);
}

export type UndoCandidate = { runId: string; trigger: string } | null;

// The run an undo may revert: the latest applied run that is not an undo and not undone yet.
export async function readUndoCandidate(tx: Tx, syncId: string): Promise<UndoCandidate> {
  const { rows } = await tx.query<{ runId: string; trigger: string }>(
    `SELECT r.id AS "runId", r.trigger FROM sync_runs r LEFT JOIN sync_run_changes c ON c.run_id = r.id
      WHERE r.sync_id = $1 AND r.status = 'applied' AND r.trigger <> 'undo' AND c.undone_by IS NULL
      ORDER BY r.finished_at DESC, r.started_at DESC LIMIT 1`,
    [syncId],
  );
  return rows[0] ?? null;
}

export async function hasChangeList(tx: Tx, runId: string): Promise<{ undoneBy: string | null } | null> {
  const { rows } = await tx.query<{ undoneBy: string | null }>(`SELECT undone_by AS "undoneBy" FROM sync_run_changes WHERE run_id = $1`, [runId]);
  return rows[0] ?? null;
}
