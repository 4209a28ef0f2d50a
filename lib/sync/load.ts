import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { isEmbeddedDatabase } from "../db";
import { newIds } from "../ids";
import { escapeCopy } from "./copy-format";
import type { SyncRow } from "./plan";
import type { Tx } from "./transaction";

// Bulk loading of a run's rows: COPY on a real server; one `jsonb_to_recordset` statement on the
// embedded (PGlite) server, where COPY FROM STDIN kills the server. Every row carries a fresh
// record id (drawn in one go), used only if the row turns out to be new.

// The temporary table a merge reads from; dropped at commit.
export const INCOMING = "sync_incoming";

export async function loadIncomingRows(tx: Tx, rows: SyncRow[]): Promise<void> {
  await tx.query(`CREATE TEMP TABLE ${INCOMING} (key text NOT NULL, cells jsonb NOT NULL, new_id text NOT NULL) ON COMMIT DROP`);
  if (rows.length > 0) {
    const ids = newIds("record", rows.length);
    if (isEmbeddedDatabase()) {
      await tx.query(
        `INSERT INTO ${INCOMING} (key, cells, new_id)
         SELECT key, cells, new_id FROM jsonb_to_recordset($1::jsonb) AS x(key text, cells jsonb, new_id text)`,
        [JSON.stringify(rows.map((r, i) => ({ key: r.key, cells: r.cells, new_id: ids[i] })))],
      );
    } else {
      await copyLines(tx, `COPY ${INCOMING} (key, cells, new_id) FROM STDIN`, rows, (r, i) => `${escapeCopy(r.key)}\t${escapeCopy(JSON.stringify(r.cells))}\t${ids[i]}\n`);
    }
  }
  // Keys are unique (the plan keeps the last of duplicates). Building the index also records the
  // row count in the catalog, which is all the planner needs here (ANALYZE would cost more).
  await tx.query(`CREATE UNIQUE INDEX ON ${INCOMING} (key)`);
}

// A table with no records (not even tombstones) has nothing to merge with: rows go straight in.
export async function insertRecords(tx: Tx, input: { tableId: string; rows: SyncRow[]; now: Date }): Promise<void> {
  const { tableId, rows, now } = input;
  if (rows.length === 0) return;
  const ids = newIds("record", rows.length);
  if (isEmbeddedDatabase()) {
    await tx.query(
      `INSERT INTO records (id, table_id, key, cells, created_at, updated_at)
       SELECT x.id, $1, x.key, x.cells, $2, $2 FROM jsonb_to_recordset($3::jsonb) AS x(id text, key text, cells jsonb)`,
      [tableId, now, JSON.stringify(rows.map((r, i) => ({ id: ids[i], key: r.key, cells: r.cells })))],
    );
    return;
  }
  const fixed = `${escapeCopy(tableId)}\t${now.toISOString()}\t${now.toISOString()}\n`;
  await copyLines(tx, `COPY records (id, key, cells, table_id, created_at, updated_at) FROM STDIN`, rows, (r, i) => `${ids[i]}\t${escapeCopy(r.key)}\t${escapeCopy(JSON.stringify(r.cells))}\t${fixed}`);
}

const ROWS_PER_CHUNK = 500;

async function copyLines<T>(tx: Tx, sql: string, items: T[], line: (item: T, index: number) => string): Promise<void> {
  function* chunks(): Generator<string> {
    for (let start = 0; start < items.length; start += ROWS_PER_CHUNK) {
      let chunk = "";
      const end = Math.min(items.length, start + ROWS_PER_CHUNK);
      for (let i = start; i < end; i++) chunk += line(items[i], i);
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), tx.query(copyFrom(sql)));
}
