// Prints how long the pure half of a sync takes on a 10,000 × 20 CSV (~2 MB):
// decode, parse, suggest types and build the sync rows. `npx tsx scripts/bench/csv-plan-bench.ts`
import { decodeCsvBody } from "../../lib/csv/decode";
import { parseCsv } from "../../lib/csv/parse";
import { writeCsv } from "../../lib/csv/write";
import { suggestFieldTypes } from "../../lib/fields/suggest";
import { planSync, type PlanField } from "../../lib/sync/engine/plan";

const ROWS = 10_000;
const RUNS = 15;

const makers: ((i: number) => string)[] = [
  (i) => `SKU-${String(i).padStart(6, "0")}`,
  (i) => `Item ${i}, "big"`,
  (i) => `user${i}@example.com`,
  (i) => `Note ${i}\nmore`,
  (i) => ((i * 37) % 100_000).toLocaleString("en-US"),
  (i) => `${1 + (i % 12)}/${1 + (i % 28)}/2025`,
  (i) => `${i % 100}:${String(i % 60).padStart(2, "0")}:00`,
  (i) => `+1 (555) ${String(i % 1000).padStart(3, "0")}-${String(i % 10_000).padStart(4, "0")}`,
  (i) => `-$${(i * 1.25).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
  (i) => `https://ex.com/${i}`,
  (i) => `${i % 100}.5%`,
];
const header = Array.from({ length: 20 }, (_, c) => `col${c}`);
const rows = Array.from({ length: ROWS }, (_, i) => header.map((_, c) => makers[c % makers.length](i + c)));
const bytes = new TextEncoder().encode(writeCsv(header, rows));

// The first (cold: JIT not warmed up) run, then the median and best of the rest (a long-running
// server), wall-clock. On a busy shared machine the best run is the closest to an idle one.
function time<T>(run: () => T): [string, T] {
  const wall: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    wall.push(performance.now() - start);
  }
  const warm = wall.slice(1).sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [`cold ${ms(wall[0])}, warm median ${ms(warm[Math.floor(warm.length / 2)])}, best ${ms(warm[0])}`, result];
}

const [decodeMs, text] = time(() => decodeCsvBody(bytes));
const [parseMs, parsed] = time(() => parseCsv(text));
const [suggestMs, suggestions] = time(() => suggestFieldTypes(parsed.header, parsed.rows));
const fields: PlanField[] = suggestions.map((s, i) => ({ id: `fld${i}`, column: s.column, type: s.type, options: s.options ?? {}, slot: i + 1 }));
// Plan and encode every row (in a sync the encoding runs while the rows stream to the database).
const [planMs, plan] = time(() => {
  const p = planSync({ header: parsed.header, rows: parsed.rows, fields, keyColumn: "col0" });
  const rowCount = [...p.rows()].length;
  return { rowCount, ...p.problems() };
});

console.log(`CSV: ${ROWS} rows × ${header.length} columns, ${(bytes.length / 1024 / 1024).toFixed(2)} MB`);
console.log(`decode   ${decodeMs}`);
console.log(`parse    ${parseMs} (${parsed.rows.length} rows)`);
console.log(`suggest  ${suggestMs} (${suggestions.map((s) => s.type).join(", ")})`);
console.log(`plan     ${planMs} (${plan.rowCount} rows, ${plan.problemCount} problems)`);
