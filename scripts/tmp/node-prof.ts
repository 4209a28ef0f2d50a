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
const mode = process.argv[2] ?? "full";
const times: number[] = [];
for (let rep = 0; rep < 40; rep++) {
  const t = performance.now();
  const plan = planSync({ header: parsed.header, rows: parsed.rows, fields: FIELDS, keyColumn: "id" });
  let total = 0; let ids = newIds("record", 500); let n = 0; let chunk = "";
  for (const r of plan.rows()) {
    if (mode === "full") { chunk += `${ids[n++ % 500]}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${fixed}`; if (n % 500 === 0) { total += chunk.length; chunk = ""; ids = newIds("record", 500); } }
    else total += r.cells.length;
  }
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(mode, "median", times[20].toFixed(1), "best", times[0].toFixed(1));
