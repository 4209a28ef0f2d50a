import "server-only";
import { ApiError } from "../errors";
import { insertRecords, nextTurn, readStoredRecords, rowsAsJson, type StoredRecord } from "./load";
import type { EncodedRow } from "./plan";
import type { Tx } from "./transaction";

export type ApplyCounts = { created: number; updated: number; deleted: number; unchanged: number };
export type ApplyTimings = { loadMs: number; mergeMs: number };

const DAY_MS = 86_400_000;

// Merges a run's rows into a table's records inside the caller's transaction (which holds the
// table's lock, so nothing else writes these records meanwhile). Records are matched by key;
// unchanged rows are not written at all; deleted records stay as tombstones for `retentionDays`,
// and a key that returns within that window gets its old record id back. `now` is the run's
// clock (tests inject it).
//
// The diff is made in Node: the table's records are read once (key, cells text, live) while Node
// coerces the incoming rows, then each row is new, changed, revived or unchanged by a string
// comparison (lib/records/cells.ts: one encoder, so equal cells are equal texts). Only what
// differs goes back, in at most three set-based statements. A table with no records at all
// takes the rows straight in with one COPY, streamed while they are coerced.
export async function applySyncRows(
  tx: Tx,
  input: {
    tableId: string;
    rows: Iterable<EncodedRow>;
    deletion: "delete" | "keep";
    retentionDays: number;
    now: Date;
    // More work for this transaction, queued just before the rows: the database does it while
    // Node coerces them.
    alongside?: (tx: Tx) => Promise<unknown>;
  },
): Promise<ApplyCounts & { timings: ApplyTimings }> {
  const { tableId, now } = input;
  await lockTableRow(tx, tableId);
  const cutoff = new Date(now.getTime() - input.retentionDays * DAY_MS);
  // Tombstones past the window are gone for good: a returning key gets a new id.
  await tx.query(`DELETE FROM records WHERE table_id = $1 AND deleted_at IS NOT NULL AND deleted_at <= $2`, [tableId, cutoff]);
  const empty = (await tx.query(`SELECT 1 FROM records WHERE table_id = $1 LIMIT 1`, [tableId])).rowCount === 0;

  const loadStart = performance.now();
  const stored = empty ? null : readStoredRecords(tx, tableId);
  stored?.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled
  const alongside = input.alongside?.(tx);
  alongside?.catch(() => undefined);
  if (!stored) {
    const created = await insertRecords(tx, { tableId, rows: input.rows, now });
    await alongside;
    return { created, updated: 0, deleted: 0, unchanged: 0, timings: { loadMs: performance.now() - loadStart, mergeMs: 0 } };
  }
  const incoming = await takeRows(input.rows);
  const t1 = performance.now();
  const storedMap = await stored;
  const t2 = performance.now();
  const diff = diffRecords(incoming, storedMap);
  const t3 = performance.now();
  await alongside;
  (globalThis as any).__dbg = { take: t1 - loadStart, storedWait: t2 - t1, diff: t3 - t2, along: performance.now() - t3 };
  const mergeStart = performance.now();

  let updated = 0;
  const rewrite = [...diff.changed, ...diff.revived];
  if (rewrite.length > 0) {
    // A text that differs may still hold the same values (written by a migration, say): those
    // rows are left alone and not counted.
    const result = await tx.query(
      `UPDATE records r SET cells = i.cells, deleted_at = NULL, updated_at = $2
         FROM json_to_recordset($3::json) AS i(key text, cells json)
        WHERE r.table_id = $1 AND r.key = i.key
          AND (r.deleted_at IS NOT NULL OR r.cells::jsonb IS DISTINCT FROM i.cells::jsonb)`,
      [tableId, now, rowsAsJson(rewrite)],
    );
    updated = (result.rowCount ?? 0) - diff.revived.length;
  }
  if (diff.fresh.length > 0) await insertRecords(tx, { tableId, rows: diff.fresh, now });
  let deleted = 0;
  if (input.deletion === "delete" && diff.removed.length > 0) {
    const result = await tx.query(`UPDATE records SET deleted_at = $2 WHERE table_id = $1 AND key = ANY($3::text[]) AND deleted_at IS NULL`, [
      tableId,
      now,
      diff.removed,
    ]);
    deleted = result.rowCount ?? 0;
  }
  const created = diff.fresh.length + diff.revived.length;
  const timings = { loadMs: mergeStart - loadStart, mergeMs: performance.now() - mergeStart };
  return { created, updated, deleted, unchanged: incoming.length - created - updated, timings };
}

type Diff = { fresh: EncodedRow[]; changed: EncodedRow[]; revived: EncodedRow[]; removed: string[] };

// Incoming rows against the stored records (keys are unique on both sides).
export function diffRecords(incoming: EncodedRow[], stored: Map<string, StoredRecord>): Diff {
  const diff: Diff = { fresh: [], changed: [], revived: [], removed: [] };
  const seen = new Set<string>();
  for (const row of incoming) {
    const record = stored.get(row.key);
    if (!record) {
      diff.fresh.push(row);
      continue;
    }
    seen.add(row.key);
    if (!record.live) diff.revived.push(row);
    else if (record.cells !== row.cells) diff.changed.push(row);
  }
  for (const [key, record] of stored) if (record.live && !seen.has(key)) diff.removed.push(key);
  return diff;
}

// Takes every row, giving the event loop a turn now and then so the stored records that are
// being read meanwhile keep arriving.
async function takeRows(rows: Iterable<EncodedRow>): Promise<EncodedRow[]> {
  const out: EncodedRow[] = [];
  for (const row of rows) {
    out.push(row);
    if (out.length % 500 === 0) await nextTurn();
  }
  return out;
}

// Records have no foreign key to their table (a per-row check is too slow for a sync); holding the
// table row like the key check would keeps the table from being deleted until this transaction ends.
async function lockTableRow(tx: Tx, tableId: string): Promise<void> {
  const { rowCount } = await tx.query(`SELECT 1 FROM tables WHERE id = $1 FOR KEY SHARE`, [tableId]);
  if (rowCount === 0) throw new ApiError("NOT_FOUND", `Table ${tableId} no longer exists.`);
}

// Used when the primary-key column changes: records keyed by the old column cannot be matched,
// so the table is rebuilt from the payload (records get new ids).
export async function clearTableRecords(tx: Tx, tableId: string): Promise<void> {
  await tx.query(`DELETE FROM records WHERE table_id = $1`, [tableId]);
}
