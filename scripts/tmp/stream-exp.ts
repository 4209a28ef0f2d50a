import pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { parseCsv } from "../../lib/csv/parse";
import { planSync, type PlanField } from "../../lib/sync/plan";
import { escapeCopy, escapeCopyJson } from "../../lib/sync/copy-format";
import { newIds } from "../../lib/ids";

const ROWS = 10000;
const HEADER = ["id", ...Array.from({ length: 19 }, (_, i) => `col${i + 1}`)];
const FIELDS: PlanField[] = HEADER.map((column, i) => {
  const base = { id: `fld${String(i).padStart(14, "0")}`, column, slot: i + 1 };
  if (i >= 1 && i <= 3) return { ...base, type: "number", options: { precision: 2 } };
  if (i === 4) return { ...base, type: "date", options: { dateFormat: "iso" } };
  if (i === 5) return { ...base, type: "currency", options: { symbol: "$", precision: 2 } };
  return { ...base, type: "singleLineText", options: {} };
});
function cell(row: number, col: number): string {
  if (col === 0) return `SKU-${String(row).padStart(6, "0")}`;
  if (col <= 3) return (((row * 7 + col * 13) % 10_000) / 100).toFixed(2);
  if (col === 4) return `2025-${String((row % 12) + 1).padStart(2, "0")}-${String((row % 28) + 1).padStart(2, "0")}`;
  if (col === 5) return `$${((row * 3) % 5000).toFixed(2)}`;
  return `v0r${row}c${col}`;
}
const csv = [HEADER.join(","), ...Array.from({ length: ROWS }, (_, r) => HEADER.map((_, c) => cell(r, c)).join(","))].join("\n");
const parsed = parseCsv(csv);
const now = new Date().toISOString();
const fixed = `tblX\t${now}\t${now}\n`;
function* chunks(rowsPerChunk: number, timing: { ms: number; end?: number }) {
  let t = performance.now();
  const plan = planSync({ header: parsed.header, rows: parsed.rows, fields: FIELDS, keyColumn: "id" });
  let chunk = ""; let n = 0; let ids = newIds("record", rowsPerChunk);
  for (const r of plan.rows()) {
    chunk += `${ids[n++]}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${fixed}`;
    if (n === rowsPerChunk) { timing.ms += performance.now() - t; yield chunk; t = performance.now(); chunk = ""; n = 0; ids = newIds("record", rowsPerChunk); }
  }
  timing.ms += performance.now() - t;
  if (chunk) yield chunk;
  timing.end = performance.now();
}
const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/perf_scratch" });
await c.connect();
await c.query("DROP TABLE IF EXISTS R");
await c.query(`CREATE TABLE R (id text not null, table_id text not null, key text not null, cells json not null, created_at timestamptz(3) not null, updated_at timestamptz(3) not null, deleted_at timestamptz(3), primary key (table_id,id)); create unique index on R(table_id,key);`);
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const rpc of [50, 200, 500, 1000]) {
  const tails: number[] = []; const nodeOnly: number[] = [], pgOnly: number[] = [], streamed: number[] = [], genInStream: number[] = [];
  for (let rep = 0; rep < 7; rep++) {
    const t0 = performance.now(); const all = [...chunks(rpc, { ms: 0 })]; nodeOnly.push(performance.now() - t0);
    await c.query("TRUNCATE R"); await c.query("BEGIN");
    let t = performance.now(); await pipeline(Readable.from(all), c.query(copyFrom(`COPY R (id, key, cells, table_id, created_at, updated_at) FROM STDIN`))); pgOnly.push(performance.now() - t);
    await c.query("COMMIT"); await c.query("TRUNCATE R"); await c.query("BEGIN");
    const timing: { ms: number; end?: number } = { ms: 0 };
    t = performance.now(); await pipeline(Readable.from(chunks(rpc, timing)), c.query(copyFrom(`COPY R (id, key, cells, table_id, created_at, updated_at) FROM STDIN`))); streamed.push(performance.now() - t);
    genInStream.push(timing.ms); tails.push(performance.now() - timing.end!);
    await c.query("COMMIT");
  }
  console.log(`rows/chunk ${rpc}: node-only ${med(nodeOnly).toFixed(0)} ms, pg-only ${med(pgOnly).toFixed(0)} ms, streamed ${med(streamed).toFixed(0)} ms (node work inside ${med(genInStream).toFixed(0)} ms, tail after last chunk ${med(tails).toFixed(0)} ms)`);
}
await c.end();
