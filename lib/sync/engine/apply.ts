import "server-only";
import { ApiError } from "../../errors";
import { keepsChangeLists, type ChangedKeys } from "./changes";
import { diffRecords, type StoredRecord } from "./diff";
import { insertRecords, readStoredRecords, rowsAsJson } from "./load";
import type { EncodedRow, SyncPlan } from "./plan";
import { countRows, type RunProgress } from "./progress";
import { deletionRefusal } from "./safeguard";
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
// What the run changes is kept for its change list (changes.ts): the keys it created and deleted,
// in memory, and every record it rewrites or revives as it was before, written by the statement
// that rewrites it (`runId`, `syncId`). The deletion safeguard (safeguard.ts) is decided before
// anything is written.
//
// A statement may still be running on the connection (the Sync API's store of the CSV): Node works
// ahead on the rows meanwhile; the transaction's queue sends nothing before it settles.
export async function applySyncRows(
  tx: Tx,
  input: {
    tableId: string;
    runId: string;
    syncId: string;
    plan: SyncPlan;
    deletion: "delete" | "keep";
    maxDeletePercent: number | null;
    allowMassDeletion: boolean;
    empty: boolean;
    now: Date;
    progress?: RunProgress;
    stored?: Promise<Map<string, StoredRecord>>; // readStoredRecords, sent ahead (see readAhead)
  },
): Promise<ApplyCounts & { changes: ChangedKeys; timings: ApplyTimings }> {
  const { tableId, plan, now, progress } = input;
  const loadStart = performance.now();
  if (input.empty) {
    const keys: string[] = [];
    const created = await insertRecords(tx, { tableId, rows: collectKeys(countRows(plan.rows(), progress), keys), now, progress });
    const changes = { created: keys, revived: [], updated: [], deleted: [] };
    return { created, updated: 0, deleted: 0, unchanged: 0, changes, timings: { loadMs: performance.now() - loadStart, mergeMs: 0 } };
  }
  const fingerprints = plan.fingerprints(); // while a statement still queued runs
  const stored = await (input.stored ?? readStoredRecords(tx, tableId));
  const diff = diffRecords(fingerprints, stored);
  const deleting = input.deletion === "delete" ? diff.removed : [];
  const refusal = deletionRefusal({
    deletion: input.deletion,
    rows: plan.size,
    live: countLive(stored),
    deleting: deleting.length,
    maxDeletePercent: input.maxDeletePercent,
    allowMassDeletion: input.allowMassDeletion,
  });
  if (refusal) throw new ApiError("DELETION_SAFEGUARD", refusal);
  progress?.add(plan.size - diff.recheck.size);
  const rows = [...countRows(plan.rows((key) => diff.recheck.has(key)), progress)];
  const mergeStart = performance.now();

  const fresh = rows.filter((r) => !diff.existing.has(r.key));
  const rewrite = rows.filter((r) => diff.existing.has(r.key));
  const changes: ChangedKeys = { created: fresh.map((r) => r.key), revived: [], updated: [], deleted: [] };
  if (rewrite.length > 0) {
    // A text that differs may still hold the same values (a number written "1.0" before and "1"
    // now, or cells written by a migration): those rows only get their new fingerprint. The rows
    // that do change are kept as they were, for the change list and undo, by the same statement.
    const result = await tx.query<{ key: string; revived: boolean }>(
      `WITH i AS (SELECT * FROM json_to_recordset($3::json) AS i(key text, cells json, fingerprint bigint)),
            old AS (SELECT r.key, r.id, r.cells, r.fingerprint, r.updated_at, r.deleted_at, i.cells::text AS next_cells, i.fingerprint AS next_fingerprint
                      FROM records r JOIN i ON r.key = i.key
                     WHERE r.table_id = $1
                       AND (r.deleted_at IS NOT NULL OR (r.cells <> i.cells::text AND r.cells::jsonb IS DISTINCT FROM i.cells::jsonb))),
            saved AS (INSERT INTO sync_run_updates (run_id, sync_id, key, record_id, revived, before_cells, after_cells, before_fingerprint, before_updated_at, before_deleted_at)
                      SELECT $4, $5, key, id, deleted_at IS NOT NULL, cells, next_cells, fingerprint, updated_at, deleted_at FROM old WHERE $6::boolean)
       UPDATE records r SET cells = old.next_cells, fingerprint = old.next_fingerprint, deleted_at = NULL, updated_at = $2
         FROM old
        WHERE r.table_id = $1 AND r.key = old.key
       RETURNING r.key, old.deleted_at IS NOT NULL AS revived`,
      [tableId, now, rowsAsJson(rewrite), input.runId, input.syncId, keepsChangeLists()],
    );
    const written = new Set<string>();
    for (const { key, revived } of result.rows) {
      (revived ? changes.revived : changes.updated).push(key);
      written.add(key);
    }
    // The rows it did not rewrite get their new fingerprint: keys and fingerprints only, the
    // cells' JSON is not sent (and parsed) a second time.
    const refingerprint = rewrite.filter((r) => !written.has(r.key));
    if (refingerprint.length > 0) {
      await tx.query(
        `UPDATE records r SET fingerprint = i.fingerprint
           FROM unnest($2::text[], $3::bigint[]) AS i(key, fingerprint)
          WHERE r.table_id = $1 AND r.key = i.key AND r.fingerprint IS DISTINCT FROM i.fingerprint`,
        [tableId, refingerprint.map((r) => r.key), refingerprint.map((r) => r.fingerprint)],
      );
    }
  }
  if (fresh.length > 0) await insertRecords(tx, { tableId, rows: fresh, now });
  if (deleting.length > 0) {
    await tx.query(`UPDATE records SET deleted_at = $2 WHERE table_id = $1 AND key = ANY($3::text[]) AND deleted_at IS NULL`, [tableId, now, deleting]);
    changes.deleted = deleting;
  }
  const created = fresh.length + changes.revived.length;
  const updated = changes.updated.length;
  const timings = { loadMs: mergeStart - loadStart, mergeMs: performance.now() - mergeStart };
  return { created, updated, deleted: deleting.length, unchanged: plan.size - created - updated, changes, timings };
}

function* collectKeys(rows: Iterable<EncodedRow>, keys: string[]): Generator<EncodedRow> {
  for (const row of rows) {
    keys.push(row.key);
    yield row;
  }
}

function countLive(stored: Map<string, StoredRecord>): number {
  let live = 0;
  for (const record of stored.values()) if (record.live) live++;
  return live;
}

// Used when the primary-key column changes: records keyed by the old column cannot be matched,
// so the table is rebuilt from the payload (records get new ids).
export async function clearTableRecords(tx: Tx, tableId: string): Promise<void> {
  await tx.query(`DELETE FROM records WHERE table_id = $1`, [tableId]);
}
