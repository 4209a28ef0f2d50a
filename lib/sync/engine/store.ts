import "server-only";
import type { FieldRow } from "./field-plan";
import type { SyncConfig } from "../../sync-shapes/config";
import type { Tx } from "./transaction";

// Reads and writes of sync state inside a table-locked transaction. They go through the
// transaction's own client: on the embedded database a query on another connection would wait
// for this transaction to end.

export type SyncState = {
  id: string;
  baseId: string;
  tableId: string;
  name: string;
  status: "waiting" | "received" | "active";
  config: SyncConfig | null;
};


export type StoredPayload = { id: string; body: string; header: string[]; rowCount: number; receivedAt: Date };

// How many received payloads a sync keeps (plus the one its latest applied run used).
const KEEP_PAYLOADS = 3;

export async function readSync(tx: Tx, syncId: string): Promise<SyncState | null> {
  const { rows } = await tx.query(
    `SELECT id, base_id AS "baseId", table_id AS "tableId", name, status, config FROM sync_endpoints WHERE id = $1`,
    [syncId],
  );
  return (rows[0] as SyncState | undefined) ?? null;
}

export async function writeSyncState(tx: Tx, syncId: string, state: { status: SyncState["status"]; config: SyncConfig | null }) {
  await tx.query(`UPDATE sync_endpoints SET status = $2, config = $3::jsonb, updated_at = now() WHERE id = $1`, [
    syncId,
    state.status,
    state.config === null ? null : JSON.stringify(state.config),
  ]);
}

export async function writeSyncConfig(tx: Tx, syncId: string, config: SyncConfig) {
  await tx.query(`UPDATE sync_endpoints SET config = $2::jsonb, updated_at = now() WHERE id = $1`, [syncId, JSON.stringify(config)]);
}

export async function readFields(tx: Tx, tableId: string): Promise<FieldRow[]> {
  const { rows } = await tx.query(
    `SELECT id, name, type, coalesce(options, '{}'::jsonb) AS options, position, "column", slot
       FROM fields WHERE table_id = $1 ORDER BY position, created_at`,
    [tableId],
  );
  return rows as FieldRow[];
}

// Makes the table's fields exactly `fields` (upsert by id, delete the rest) in two statements.
// Names are unique per table, so existing names are parked on the field id first: renames that
// swap two names would otherwise collide halfway.
export async function replaceFields(tx: Tx, tableId: string, fields: FieldRow[]): Promise<void> {
  const ids = fields.map((f) => f.id);
  await tx.query(`DELETE FROM fields WHERE table_id = $1 AND NOT (id = ANY($2::text[]))`, [tableId, ids]);
  await tx.query(`UPDATE fields SET name = id WHERE table_id = $1`, [tableId]);
  await tx.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options, f.position, f."column", f.slot
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, name text, type text, options jsonb, position int, "column" text, slot int)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, options = excluded.options,
       position = excluded.position, "column" = excluded."column"`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(tx, tableId, fields);
}

export async function appendFields(tx: Tx, tableId: string, fields: FieldRow[]): Promise<void> {
  if (fields.length === 0) return;
  await tx.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options, f.position, f."column", f.slot
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, name text, type text, options jsonb, position int, "column" text, slot int)`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(tx, tableId, fields);
}

// How many cell slots the table has given out (0 before its first configuration).
export async function readSlotsUsed(tx: Tx, tableId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT field_slots AS n FROM tables WHERE id = $1`, [tableId]);
  return rows[0]?.n ?? 0;
}

async function recordSlotsUsed(tx: Tx, tableId: string, fields: FieldRow[]): Promise<void> {
  const highest = fields.reduce((max, f) => Math.max(max, f.slot), 0);
  await tx.query(`UPDATE tables SET field_slots = greatest(field_slots, $2::int) WHERE id = $1`, [tableId, highest]);
}

// Stores a received CSV before it is parsed, so the server writes the body while Node parses it;
// describePayload adds the header and row count. Storage stays bounded: the latest few payloads
// (this one included), and never the one the table currently reflects. One statement: the
// DELETE sees the payloads as they were before this INSERT.
export async function insertPayload(
  tx: Tx,
  payload: Pick<StoredPayload, "id" | "body" | "receivedAt"> & { syncId: string; bytes: number },
): Promise<void> {
  await tx.query(
    `WITH inserted AS (
       INSERT INTO sync_payloads (id, sync_id, received_at, body, header, row_count, bytes) VALUES ($1, $2, $3, $4, '{}', 0, $5)
     )
     DELETE FROM sync_payloads p
      WHERE p.sync_id = $2
        AND p.id NOT IN (SELECT id FROM sync_payloads WHERE sync_id = $2 ORDER BY received_at DESC, id DESC LIMIT ${KEEP_PAYLOADS - 1})
        AND p.id IS DISTINCT FROM (SELECT payload_id FROM sync_runs WHERE sync_id = $2 AND status = 'applied'
                                    ORDER BY started_at DESC LIMIT 1)`,
    [payload.id, payload.syncId, payload.receivedAt, payload.body, payload.bytes],
  );
}

export async function describePayload(tx: Tx, id: string, parsed: { header: string[]; totalRows: number }): Promise<void> {
  await tx.query(`UPDATE sync_payloads SET header = $2, row_count = $3 WHERE id = $1`, [id, parsed.header, parsed.totalRows]);
}

export async function readLatestPayload(tx: Tx, syncId: string): Promise<StoredPayload | null> {
  const { rows } = await tx.query(
    `SELECT id, body, header, row_count AS "rowCount", received_at AS "receivedAt"
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId],
  );
  return (rows[0] as StoredPayload | undefined) ?? null;
}
