import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { isEmbeddedDatabase } from "../../db";
import { newIds } from "../../ids";
import { escapeCopy, escapeCopyJson } from "./copy-format";
import type { StoredRecord } from "./diff";
import type { EncodedRow } from "./plan";
import type { RunProgress } from "./progress";
import type { Tx } from "./transaction";

// Moving a run's rows in and out of the database in bulk.


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
// `json_to_recordset` statement. While a statement is still running on the connection (the CSV's
// store), the rows are coerced and kept, and sent once it has settled. Returns how many rows were
// inserted.
export async function insertRecords(
  tx: Tx,
  input: { tableId: string; rows: Iterable<EncodedRow>; now: Date; progress?: RunProgress },
): Promise<number> {
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
  const lines = copyLines(input.rows, (r, id) => `${id}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${r.fingerprint ?? "\\N"}\t${fixed}`);
  return copyChunks(tx, `COPY records (id, key, cells, fingerprint, table_id, created_at, updated_at) FROM STDIN`, lines, input.progress);
}

// Small enough that, while the CSV's store runs, the event loop turns every few ms to notice its end.
const ROWS_PER_CHUNK = 250;

// Up to this much COPY text may wait in memory for the socket, so Node keeps coercing rows instead
// of waiting for the server to read; past it the loop waits for the socket to drain, so a large
// sync's COPY text is never all in memory at once.
const COPY_BUFFER_BYTES = 4 * 1024 * 1024;

// The longest stretch the COPY loop runs without turning the event loop: other requests to this
// process (a status poll, another user's page) wait at most about this long per step.
const TURN_EVERY_MS = 20;

// At most this much COPY text is made ahead while the CSV's store still runs (a 40 MB CSV's store
// takes long enough for Node to coerce most of it): memory stays bounded, and Node waits instead.
const EARLY_BYTES = 8 * 1024 * 1024;

type Chunks = { next(): Buffer | null; count(): number };

// COPY text, ROWS_PER_CHUNK lines at a time, each line with a fresh record id. As a Buffer: the
// text leaves V8's heap at once (the socket would encode it anyway).
function copyLines(rows: Iterable<EncodedRow>, line: (row: EncodedRow, id: string) => string): Chunks {
  const it = rows[Symbol.iterator]();
  let count = 0;
  return {
    next() {
      const ids = newIds("record", ROWS_PER_CHUNK);
      let chunk = "";
      let n = 0;
      for (; n < ROWS_PER_CHUNK; n++) {
        const step = it.next();
        if (step.done) break;
        chunk += line(step.value, ids[n]);
      }
      count += n;
      return n === 0 ? null : Buffer.from(chunk);
    },
    count: () => count,
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

// While a statement still runs on the connection, chunks are built and kept, with a turn of the event loop after each so
// its end is noticed. Then, once the server has said it is ready for data (the first chunk's
// write completes), the rest is written as it is built: up to COPY_BUFFER_BYTES wait for the socket
// while Postgres parses and stores chunk n and Node builds chunk n + 1; beyond that the loop waits
// for the socket to drain. The event loop turns at least every TURN_EVERY_MS, so other requests
// and the progress write go out during a long COPY.
async function copyChunks(tx: Tx, sql: string, chunks: Chunks, progress?: RunProgress): Promise<number> {
  const early: Buffer[] = [];
  if (tx.busy) {
    let settled = false;
    void tx.idle().then(() => (settled = true));
    let kept = 0;
    while (!settled && kept < EARLY_BYTES) {
      const chunk = chunks.next();
      if (!chunk) break;
      early.push(chunk);
      kept += chunk.length;
      await turn();
    }
  }
  // Opened once the statements before it have settled; fails with theirs if one failed.
  const stream = await tx.copyFrom(sql, { highWaterMark: COPY_BUFFER_BYTES });
  const done = finished(stream);
  done.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled
  try {
    const first = early.shift() ?? chunks.next();
    if (first) await new Promise<void>((resolve, reject) => stream.write(first, (err) => (err ? reject(err) : resolve())));
    for (const chunk of early) stream.write(chunk);
    let lastTurn = performance.now();
    for (let chunk = chunks.next(); chunk; chunk = chunks.next()) {
      const room = stream.write(chunk);
      if (!room) await once(stream, "drain");
      else if (performance.now() - lastTurn >= TURN_EVERY_MS || progress?.wantsTurn()) await turn();
      else continue;
      lastTurn = performance.now();
    }
    stream.end();
  } catch (err) {
    stream.destroy(err as Error); // sends CopyFail: the server drops what it took in
    await done.catch(() => undefined);
    throw err;
  }
  await done;
  return chunks.count();
}
