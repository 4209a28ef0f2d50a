import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { decodeCsvBody } from "../csv/decode";
import { getPool } from "../db";
import type { Queryable, Tx } from "./tx";

// The `sync_payloads` table: every received CSV, kept bounded. Raw SQL only: a payload is written
// on the run's transaction connection while Node parses it, and read by its head for the status.
//
// A body is stored as the request's bytes deflated (zlib, level 1), compressed on libuv's thread
// pool from the moment the request is read, while the main thread decodes it and takes the lock.
// What it saves is Postgres's time: taking in a large text parameter costs it per byte (a 42 MB
// CSV took 1.2–1.6 s to store as text, longer than the COPY of its rows; deflated to 10.6 MB,
// 0.25–0.35 s), and storage shrinks about fourfold.
// Payloads stored before keep their text in `body` (migration 20261202131500_payload_deflated).

// `bytes`: the body as received (decodeCsvBody makes it text).
export type StoredPayload = { id: string; bytes: Uint8Array; header: string[]; rowCount: number; receivedAt: Date };

// What the wizard's status poll reads: the head of the body only.
export type PayloadHead = { id: string; receivedAt: Date; header: string[]; rowCount: number; head: string; truncated: boolean };

// How many received payloads a sync keeps (plus the one its latest applied run used).
const KEEP_PAYLOADS = 3;

// Stores a received CSV before it is parsed: the statement is sent and not waited for, so the
// server writes the body while Node scans it (the transaction's queue holds back what follows);
// sendPayloadDescription adds the header and row count. Storage stays bounded: the latest few payloads
// (this one included), and never the one the table currently reflects. One statement: the
// DELETE sees the payloads as they were before this INSERT.
export function sendPayload(tx: Tx, payload: Pick<StoredPayload, "id" | "receivedAt"> & { syncId: string; deflated: Buffer; bytes: number }): void {
  void tx.send(
    `WITH inserted AS (
       INSERT INTO sync_payloads (id, sync_id, received_at, body_deflated, header, row_count, bytes) VALUES ($1, $2, $3, $4, '{}', 0, $5)
     )
     DELETE FROM sync_payloads p
      WHERE p.sync_id = $2
        AND p.id NOT IN (SELECT id FROM sync_payloads WHERE sync_id = $2 ORDER BY received_at DESC, id DESC LIMIT ${KEEP_PAYLOADS - 1})
        AND p.id IS DISTINCT FROM (SELECT payload_id FROM sync_runs WHERE sync_id = $2 AND status = 'applied'
                                    ORDER BY started_at DESC LIMIT 1)`,
    [payload.id, payload.syncId, payload.receivedAt, payload.deflated, payload.bytes],
  );
}

const deflate = promisify(zlib.deflate);

// A request's body as stored: its bytes as received (a BOM too), deflated. Level 1: on this kind of
// text it is within a few percent of the default level's size at a third of its time.
export function deflateBody(bytes: Uint8Array): Promise<Buffer> {
  return deflate(bytes, { level: 1 });
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

type StoredBody = { body: string | null; deflated: Buffer | null };

// A stored body's bytes, whichever way it was stored.
function bodyBytes(row: StoredBody): Uint8Array {
  return row.body !== null ? Buffer.from(row.body) : zlib.inflateSync(row.deflated!);
}

export async function readLatestPayload(q: Queryable, syncId: string): Promise<StoredPayload | null> {
  const { rows } = await q.query<Omit<StoredPayload, "bytes"> & StoredBody>(
    `SELECT id, body, body_deflated AS deflated, header, row_count AS "rowCount", received_at AS "receivedAt"
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId],
  );
  if (rows.length === 0) return null;
  const { body, deflated, ...payload } = rows[0];
  return { ...payload, bytes: bodyBytes({ body, deflated }) };
}

// A payload's body by id (tests and tools; null when there is no such payload).
export async function readPayloadBody(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<StoredBody>(`SELECT body, body_deflated AS deflated FROM sync_payloads WHERE id = $1`, [id]);
  return rows.length === 0 ? null : decodeCsvBody(bodyBytes(rows[0]));
}

// The latest payload with the first `chars` characters of its body. Of a deflated body only the
// first `chars` bytes are read, and inflated a slice at a time until they give `chars` characters:
// a body that compresses well gives them from its first slice (so even one repeated character
// inflates 16 KB's worth, ~16 MB, not its whole body), one that compresses badly shows fewer
// (still whole) rows.
export async function readLatestPayloadHead(syncId: string, chars: number): Promise<PayloadHead | null> {
  const { rows } = await getPool().query<Omit<PayloadHead, "head" | "truncated"> & StoredBody & { complete: boolean }>(
    `SELECT id, received_at AS "receivedAt", header, row_count AS "rowCount", left(body, $2) AS body,
            substring(body_deflated FROM 1 FOR $2) AS deflated, coalesce(length(body), length(body_deflated)) <= $2 AS complete
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId, chars],
  );
  if (rows.length === 0) return null;
  const { body, deflated, complete, ...payload } = rows[0];
  const text = body ?? inflateHead(deflated!, complete, chars);
  const head = text.slice(0, chars);
  return { ...payload, head, truncated: !complete || head.length < text.length };
}

const FIRST_HEAD_SLICE = 16 * 1024;

// The text of the first bytes of a deflated body (all of it when `complete`): a character cut in
// two at the end left out, a BOM dropped (as decodeCsvBody does).
function inflateHead(deflated: Buffer, complete: boolean, chars: number): string {
  for (let slice = Math.min(FIRST_HEAD_SLICE, deflated.length); ; slice = Math.min(slice * 2, deflated.length)) {
    const whole = complete && slice === deflated.length;
    const bytes = zlib.inflateSync(deflated.subarray(0, slice), whole ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const text = new TextDecoder("utf-8").decode(bytes, { stream: !whole });
    if (whole || text.length >= chars || slice === deflated.length) return text;
  }
}
