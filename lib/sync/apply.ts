import "server-only";
import { INCOMING, loadIncomingRows } from "./load";
import type { SyncRow } from "./plan";
import type { Tx } from "./transaction";

export type ApplyCounts = { created: number; updated: number; deleted: number; unchanged: number };

const DAY_MS = 86_400_000;

// Merges a run's rows into a table's records with set-based statements inside the caller's
// transaction (which holds the table's lock). Records are matched by key; unchanged rows are not
// written at all; deleted records stay as tombstones for `retentionDays`, and a key that returns
// within that window gets its old record id back. `now` is the run's clock (tests inject it).
export async function applySyncRows(
  tx: Tx,
  input: { tableId: string; rows: SyncRow[]; deletion: "delete" | "keep"; retentionDays: number; now: Date },
): Promise<ApplyCounts> {
  const { tableId, now } = input;
  const cutoff = new Date(now.getTime() - input.retentionDays * DAY_MS);
  await loadIncomingRows(tx, input.rows);

  // Tombstones past the window are gone for good: a returning key gets a new id.
  await tx.query(`DELETE FROM records WHERE table_id = $1 AND deleted_at IS NOT NULL AND deleted_at <= $2`, [tableId, cutoff]);

  const updated = await tx.query(
    `UPDATE records r SET cells = i.cells, updated_at = $2
       FROM ${INCOMING} i
      WHERE r.table_id = $1 AND r.key = i.key AND r.deleted_at IS NULL AND r.cells IS DISTINCT FROM i.cells`,
    [tableId, now],
  );
  const revived = await tx.query(
    `UPDATE records r SET cells = i.cells, deleted_at = NULL, updated_at = $2
       FROM ${INCOMING} i
      WHERE r.table_id = $1 AND r.key = i.key AND r.deleted_at IS NOT NULL`,
    [tableId, now],
  );
  const inserted = await tx.query(
    `INSERT INTO records (id, table_id, key, cells, created_at, updated_at)
     SELECT i.new_id, $1, i.key, i.cells, $2, $2
       FROM ${INCOMING} i
      WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.table_id = $1 AND r.key = i.key)`,
    [tableId, now],
  );
  let deleted = 0;
  if (input.deletion === "delete") {
    const result = await tx.query(
      `UPDATE records r SET deleted_at = $2
        WHERE r.table_id = $1 AND r.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM ${INCOMING} i WHERE i.key = r.key)`,
      [tableId, now],
    );
    deleted = result.rowCount ?? 0;
  }
  const created = (revived.rowCount ?? 0) + (inserted.rowCount ?? 0);
  const changed = updated.rowCount ?? 0;
  return { created, updated: changed, deleted, unchanged: input.rows.length - created - changed };
}

// Used when the primary-key column changes: records keyed by the old column cannot be matched,
// so the table is rebuilt from the payload (records get new ids).
export async function clearTableRecords(tx: Tx, tableId: string): Promise<void> {
  await tx.query(`DELETE FROM records WHERE table_id = $1`, [tableId]);
}
