import "server-only";
import { getPool } from "../db";
import type { Queryable, Tx } from "./tx";

// The `sync_payloads` table: every received CSV, kept bounded. Raw SQL only: a payload is written
// on the run's transaction connection while Node parses it, and read by substring for the status.

export type StoredPayload = { id: string; body: string; header: string[]; rowCount: number; receivedAt: Date };

// What the wizard's status poll reads: the head of the body only.
export type PayloadHead = { id: string; receivedAt: Date; header: string[]; rowCount: number; head: string; truncated: boolean };

// How many received payloads a sync keeps (plus the one its latest applied run used).
const KEEP_PAYLOADS = 3;

// Stores a received CSV before it is parsed: the statement is sent and not waited for, so the
// server writes the body while Node parses it (the transaction's queue holds back what follows);
// sendPayloadDescription adds the header and row count. Storage stays bounded: the latest few payloads
// (this one included), and never the one the table currently reflects. One statement: the
// DELETE sees the payloads as they were before this INSERT.
export function sendPayload(tx: Tx, payload: Pick<StoredPayload, "id" | "body" | "receivedAt"> & { syncId: string; bytes: number }): void {
  void tx.send(
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

// Sent and not waited for either, like sendPayload.
export function sendPayloadDescription(tx: Tx, id: string, parsed: { header: string[]; totalRows: number }): void {
  void tx.send(`UPDATE sync_payloads SET header = $2, row_count = $3 WHERE id = $1`, [id, parsed.header, parsed.totalRows]);
}

// A stored CSV received again (a repeated run answers from it instead of storing it twice): it is
// the latest one received now.
export async function touchPayload(q: Queryable, id: string, receivedAt: Date): Promise<void> {
  await q.query(`UPDATE sync_payloads SET received_at = $2 WHERE id = $1`, [id, receivedAt]);
}

export async function readLatestPayload(q: Queryable, syncId: string): Promise<StoredPayload | null> {
  const { rows } = await q.query(
    `SELECT id, body, header, row_count AS "rowCount", received_at AS "receivedAt"
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId],
  );
  return (rows[0] as StoredPayload | undefined) ?? null;
}

// The latest payload with the first `chars` characters of its body.
export async function readLatestPayloadHead(syncId: string, chars: number): Promise<PayloadHead | null> {
  const { rows } = await getPool().query(
    `SELECT id, received_at AS "receivedAt", header, row_count AS "rowCount", left(body, $2) AS head, length(body) > $2 AS truncated
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId, chars],
  );
  return (rows[0] as PayloadHead | undefined) ?? null;
}
