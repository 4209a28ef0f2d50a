import "server-only";
import { ApiError } from "../../errors";
import { diffRecords } from "./diff";
import { insertRecords, readStoredRecords, rowsAsJson } from "./load";
import type { SyncPlan } from "./plan";
import type { Tx } from "./transaction";

export type ApplyCounts = { created: number; updated: number; deleted: number; unchanged: number };
export type ApplyTimings = { loadMs: number; mergeMs: number };

const DAY_MS = 86_400_000;

// Before a run's rows are applied, in one statement: holds the table row, the way a foreign-key
// check would (records have none: a per-row check is too slow for a sync), so the table cannot be
// deleted until this transaction ends; drops the tombstones past the retention window (a
// returning key then gets a new id); and reads how many cell slots the table has given out and
// whether it has no records left, which decides how applySyncRows takes the rows in. The Sync
// API runs it before it stores the CSV, so the rows can be coerced meanwhile.
export async function prepareTable(
  tx: Tx,
  input: { tableId: string; retentionDays: number; now: Date },
): Promise<{ slotsUsed: number; empty: boolean }> {
  const cutoff = new Date(input.now.getTime() - input.retentionDays * DAY_MS);
  // The main query sees the records as they were before the purge: it skips the purged ones.
  const { rows } = await tx.query<{ slotsUsed: number; empty: boolean }>(
    `WITH held AS (SELECT field_slots FROM tables WHERE id = $1 FOR KEY SHARE),
          purged AS (DELETE FROM records WHERE table_id = $1 AND deleted_at IS NOT NULL AND deleted_at <= $2)
     SELECT field_slots AS "slotsUsed",
            NOT EXISTS (SELECT 1 FROM records WHERE table_id = $1 AND (deleted_at IS NULL OR deleted_at > $2)) AS empty
       FROM held`,
    [input.tableId, cutoff],
  );
  if (rows.length === 0) throw new ApiError("NOT_FOUND", `Table ${input.tableId} no longer exists.`);
  return rows[0];
}

// Merges a run's rows into a table's records inside the caller's transaction (which holds the
// table's lock, so nothing else writes these records meanwhile), after prepareTable. Records are
// matched by key; unchanged rows are not written at all; deleted records stay as tombstones for
// the retention window, and a key that returns within it gets its old record id back. `now` is
// the run's clock (tests inject it).
//
// A table with no records at all takes the rows straight in with one COPY, streamed while they
// are coerced. Otherwise the diff is made in Node from the stored keys and fingerprints
// (fingerprint.ts): rows whose fingerprint matches a live record are unchanged and are not even
// coerced; the others are coerced and sent back in at most four set-based statements.
//
// A statement may still be running on the connection (the Sync API's store of the CSV): Node works
// ahead on the rows meanwhile; the transaction's queue sends nothing before it settles.
export async function applySyncRows(
  tx: Tx,
  input: {
    tableId: string;
    plan: SyncPlan;
    deletion: "delete" | "keep";
    empty: boolean;
    now: Date;
  },
): Promise<ApplyCounts & { timings: ApplyTimings }> {
  const { tableId, plan, now } = input;
  const loadStart = performance.now();
  if (input.empty) {
    const created = await insertRecords(tx, { tableId, rows: plan.rows(), now });
    return { created, updated: 0, deleted: 0, unchanged: 0, timings: { loadMs: performance.now() - loadStart, mergeMs: 0 } };
  }
  const fingerprints = plan.fingerprints(); // while a statement still queued runs
  const diff = diffRecords(fingerprints, await readStoredRecords(tx, tableId));
  const rows = [...plan.rows((key) => diff.recheck.has(key))];
  const mergeStart = performance.now();

  const fresh = rows.filter((r) => !diff.existing.has(r.key));
  const rewrite = rows.filter((r) => diff.existing.has(r.key));
  let updated = 0;
  if (rewrite.length > 0) {
    // A text that differs may still hold the same values (a number written "1.0" before and "1"
    // now, or cells written by a migration): those rows only get their new fingerprint.
    const result = await tx.query(
      `UPDATE records r SET cells = i.cells::text, fingerprint = i.fingerprint, deleted_at = NULL, updated_at = $2
         FROM json_to_recordset($3::json) AS i(key text, cells json, fingerprint bigint)
        WHERE r.table_id = $1 AND r.key = i.key
          AND (r.deleted_at IS NOT NULL OR (r.cells <> i.cells::text AND r.cells::jsonb IS DISTINCT FROM i.cells::jsonb))`,
      [tableId, now, rowsAsJson(rewrite)],
    );
    updated = (result.rowCount ?? 0) - diff.revived;
    // Keys and fingerprints only: the cells' JSON is not sent (and parsed) a second time.
    await tx.query(
      `UPDATE records r SET fingerprint = i.fingerprint
         FROM unnest($2::text[], $3::bigint[]) AS i(key, fingerprint)
        WHERE r.table_id = $1 AND r.key = i.key AND r.fingerprint IS DISTINCT FROM i.fingerprint`,
      [tableId, rewrite.map((r) => r.key), rewrite.map((r) => r.fingerprint)],
    );
  }
  if (fresh.length > 0) await insertRecords(tx, { tableId, rows: fresh, now });
  let deleted = 0;
  if (input.deletion === "delete" && diff.removed.length > 0) {
    const result = await tx.query(`UPDATE records SET deleted_at = $2 WHERE table_id = $1 AND key = ANY($3::text[]) AND deleted_at IS NULL`, [
      tableId,
      now,
      diff.removed,
    ]);
    deleted = result.rowCount ?? 0;
  }
  const created = fresh.length + diff.revived;
  const timings = { loadMs: mergeStart - loadStart, mergeMs: performance.now() - mergeStart };
  return { created, updated, deleted, unchanged: plan.size - created - updated, timings };
}

// Used when the primary-key column changes: records keyed by the old column cannot be matched,
// so the table is rebuilt from the payload (records get new ids).
export async function clearTableRecords(tx: Tx, tableId: string): Promise<void> {
  await tx.query(`DELETE FROM records WHERE table_id = $1`, [tableId]);
}
