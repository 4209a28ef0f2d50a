import "server-only";
import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { isEmbeddedDatabase } from "../db";
import { newIds } from "../ids";
import { escapeCopy, escapeCopyJson } from "./copy-format";
import type { EncodedRow } from "./plan";
import type { Tx } from "./transaction";

// Moving a run's rows in and out of the database in bulk.

// What a merge needs to know of a stored record: its fingerprint (as text, null after a problem)
// and whether it is live or a tombstone.
export type StoredRecord = { fingerprint: string | null; live: boolean };

// Every record of the table, tombstones included, by key: keys and fingerprints only, so this
// stays small next to the cells.
export async function readStoredRecords(tx: Tx, tableId: string): Promise<Map<string, StoredRecord>> {
  const { rows } = await tx.query<[string, string | null, boolean]>({
    text: `SELECT key, fingerprint::text, deleted_at IS NULL FROM records WHERE table_id = $1`,
    values: [tableId],
    rowMode: "array",
  });
  const stored = new Map<string, StoredRecord>();
  for (const [key, fingerprint, live] of rows) stored.set(key, { fingerprint, live });
  return stored;
}

// Rows as one JSON array for `json_to_recordset(…) AS x(key text, cells json, fingerprint bigint)`
// (with `id` too when ids are given). Built by concatenation: the cells are JSON text already.
export function rowsAsJson(rows: readonly EncodedRow[], ids?: readonly string[]): string {
  let json = "[";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (i > 0) json += ",";
    json += `{${ids ? `"id":"${ids[i]}",` : ""}"key":${JSON.stringify(r.key)},"cells":${r.cells},"fingerprint":${r.fingerprint ?? "null"}}`;
  }
  return `${json}]`;
}

// New records, each with a fresh id: streamed with COPY on a real server, in chunks as the plan
// coerces them, so Postgres takes in the first chunk while Node works on the next (two cores busy
// instead of one). On the embedded (PGlite) server, where COPY FROM STDIN kills the server, one
// `json_to_recordset` statement. Returns how many rows were inserted.
export async function insertRecords(tx: Tx, input: { tableId: string; rows: Iterable<EncodedRow>; now: Date }): Promise<number> {
  const { tableId, now } = input;
  if (isEmbeddedDatabase()) {
    const rows = [...input.rows];
    if (rows.length === 0) return 0;
    await tx.query(
      `INSERT INTO records (id, table_id, key, cells, fingerprint, created_at, updated_at)
       SELECT x.id, $1, x.key, x.cells::text, x.fingerprint, $2, $2
         FROM json_to_recordset($3::json) AS x(id text, key text, cells json, fingerprint bigint)`,
      [tableId, now, rowsAsJson(rows, newIds("record", rows.length))],
    );
    return rows.length;
  }
  const fixed = `${escapeCopy(tableId)}\t${now.toISOString()}\t${now.toISOString()}\n`;
  return copyChunks(
    tx,
    `COPY records (id, key, cells, fingerprint, table_id, created_at, updated_at) FROM STDIN`,
    input.rows,
    (r, id) => `${id}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${r.fingerprint ?? "\\N"}\t${fixed}`,
  );
}

const ROWS_PER_CHUNK = 500;

// Up to this much COPY text may wait in memory for the socket, so Node keeps coercing rows instead
// of waiting for the server to read (a 10,000-row sync is ~4 MB).
const COPY_BUFFER_BYTES = 32 * 1024 * 1024;

// COPY text lines, ROWS_PER_CHUNK at a time. Once the server has said it is ready for data (the
// first chunk's write completes), the rest is written as it is built, without waiting: the
// socket's kernel buffer holds what Postgres has not read yet, and Postgres parses and stores
// chunk n while Node builds chunk n + 1.
async function copyChunks(tx: Tx, sql: string, rows: Iterable<EncodedRow>, line: (row: EncodedRow, id: string) => string): Promise<number> {
  const stream = tx.query(copyFrom(sql, { highWaterMark: COPY_BUFFER_BYTES }));
  const done = finished(stream);
  done.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled
  let count = 0;
  try {
    let chunk = "";
    let inChunk = 0;
    let ids = newIds("record", ROWS_PER_CHUNK);
    let ready = false;
    for (const row of rows) {
      chunk += line(row, ids[inChunk++]);
      count++;
      if (inChunk < ROWS_PER_CHUNK) continue;
      if (ready) stream.write(chunk);
      else {
        await new Promise<void>((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())));
        ready = true;
      }
      chunk = "";
      inChunk = 0;
      ids = newIds("record", ROWS_PER_CHUNK);
    }
    if (chunk) stream.write(chunk);
    stream.end();
  } catch (err) {
    stream.destroy(err as Error); // sends CopyFail: the server drops what it took in
    await done.catch(() => undefined);
    throw err;
  }
  await done;
  return count;
}
