import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { isEmbeddedDatabase } from "../db";
import { newId } from "../ids";
import type { SyncRow } from "./plan";
import type { Tx } from "./transaction";

// Puts a run's prepared rows into `sync_incoming`, a temporary table dropped at commit, so the
// merge is a handful of set-based statements. Every row carries a fresh record id, used only if
// the row turns out to be new.
export const INCOMING = "sync_incoming";

export async function loadIncomingRows(tx: Tx, rows: SyncRow[]): Promise<void> {
  await tx.query(`CREATE TEMP TABLE ${INCOMING} (key text NOT NULL, cells jsonb NOT NULL, new_id text NOT NULL) ON COMMIT DROP`);
  if (rows.length > 0) {
    // COPY FROM STDIN kills the embedded (PGlite) server; it gets one statement instead.
    if (isEmbeddedDatabase()) await insertAsJson(tx, rows);
    else await copyRows(tx, rows);
  }
  // Keys are unique (the plan keeps the last of duplicates); the index serves the merge's joins.
  await tx.query(`CREATE UNIQUE INDEX ON ${INCOMING} (key)`);
  await tx.query(`ANALYZE ${INCOMING}`);
}

async function insertAsJson(tx: Tx, rows: SyncRow[]): Promise<void> {
  const json = JSON.stringify(rows.map((r) => ({ key: r.key, cells: r.cells, new_id: newId("record") })));
  await tx.query(
    `INSERT INTO ${INCOMING} (key, cells, new_id)
     SELECT key, cells, new_id FROM jsonb_to_recordset($1::jsonb) AS x(key text, cells jsonb, new_id text)`,
    [json],
  );
}

// COPY text format: backslash, tab, newline and carriage return must be escaped in every value.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const escapeCopy = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text);

const ROWS_PER_CHUNK = 500;

function* copyChunks(rows: SyncRow[]): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    let chunk = "";
    const end = Math.min(rows.length, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const row = rows[i];
      chunk += `${escapeCopy(row.key)}\t${escapeCopy(JSON.stringify(row.cells))}\t${newId("record")}\n`;
    }
    yield chunk;
  }
}

async function copyRows(tx: Tx, rows: SyncRow[]): Promise<void> {
  const stream = tx.query(copyFrom(`COPY ${INCOMING} (key, cells, new_id) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(rows)), stream);
}
