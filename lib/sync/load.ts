import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { isEmbeddedDatabase } from "../db";
import { newIds } from "../ids";
import { escapeCopy, escapeCopyJson } from "./copy-format";
import type { EncodedRow } from "./plan";
import type { Tx } from "./transaction";

// Moving a run's rows in and out of the database in bulk.

// What a merge needs to know of a stored record: its cells as stored, and whether it is live or
// a tombstone.
export type StoredRecord = { cells: string; live: boolean };

// Every record of the table, tombstones included, by key. Cells come as text (no JSON parsing).
export async function readStoredRecords(tx: Tx, tableId: string): Promise<Map<string, StoredRecord>> {
  const { rows } = await tx.query<[string, string, boolean]>({
    text: `SELECT key, cells::text, deleted_at IS NULL FROM records WHERE table_id = $1`,
    values: [tableId],
    rowMode: "array",
  });
  const stored = new Map<string, StoredRecord>();
  for (const [key, cells, live] of rows) stored.set(key, { cells, live });
  return stored;
}

// Rows as one JSON array for `json_to_recordset(…) AS x(key text, cells json)` (with `id` too
// when ids are given). Built by concatenation: the cells are JSON text already.
export function rowsAsJson(rows: readonly EncodedRow[], ids?: readonly string[]): string {
  let json = "[";
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) json += ",";
    json += `{${ids ? `"id":"${ids[i]}",` : ""}"key":${JSON.stringify(rows[i].key)},"cells":${rows[i].cells}}`;
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
      `INSERT INTO records (id, table_id, key, cells, created_at, updated_at)
       SELECT x.id, $1, x.key, x.cells, $2, $2 FROM json_to_recordset($3::json) AS x(id text, key text, cells json)`,
      [tableId, now, rowsAsJson(rows, newIds("record", rows.length))],
    );
    return rows.length;
  }
  const fixed = `${escapeCopy(tableId)}\t${now.toISOString()}\t${now.toISOString()}\n`;
  return copyChunks(tx, `COPY records (id, key, cells, table_id, created_at, updated_at) FROM STDIN`, input.rows, (r, id) => `${id}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${fixed}`);
}

const ROWS_PER_CHUNK = 500;

// Up to this much COPY text is buffered while the connection is still busy with earlier
// statements, so Node keeps coercing rows instead of waiting (a 10,000-row sync is ~4 MB).
const COPY_BUFFER_BYTES = 32 * 1024 * 1024;

// Lets the event loop serve sockets in the middle of a long stretch of coercing rows.
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// COPY text lines, ROWS_PER_CHUNK at a time. After each chunk the event loop gets a turn, so the
// socket is served (the server's "ready for data", then writes) while later rows are coerced.
async function copyChunks(tx: Tx, sql: string, rows: Iterable<EncodedRow>, line: (row: EncodedRow, id: string) => string): Promise<number> {
  let count = 0;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = "";
    let inChunk = 0;
    let ids = newIds("record", ROWS_PER_CHUNK);
    for (const row of rows) {
      chunk += line(row, ids[inChunk++]);
      count++;
      if (inChunk === ROWS_PER_CHUNK) {
        yield chunk;
        await nextTurn();
        chunk = "";
        inChunk = 0;
        ids = newIds("record", ROWS_PER_CHUNK);
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), tx.query(copyFrom(sql, { highWaterMark: COPY_BUFFER_BYTES })));
  return count;
}
