// The engine's CPU work on the bench's CSV (sync-bench.ts), with no server or database: the CSV
// scanned (lib/csv/scan.ts, what the engine does) against parsed whole (parseCsv), then planned and
// coerced into COPY text (a first sync) or fingerprinted (a re-sync). Alternated in one process,
// medians. `N=200000 REPS=5 node --conditions=react-server --import tsx scripts/bench/scan-bench.ts`
import { scanCsv } from "../../lib/csv/scan";
import { parseCsv } from "../../lib/csv/parse";
import { planSync, type PlanField } from "../../lib/sync/engine/plan";
import { escapeCopy, escapeCopyJson } from "../../lib/sync/engine/copy-format";
import { newIds } from "../../lib/ids";
import { buildCsv, FIELDS } from "./bench-csv";
const N = Number(process.env.N ?? 10000);
const text = buildCsv(N);
const fields = FIELDS.map((f, i) => ({ id: `fld${i}`, column: f.column, type: f.type, options: f.options ?? {}, slot: i + 1 })) as PlanField[];
function run(mode: string) {
  let t = performance.now();
  const s: { header: string[]; rows: Parameters<typeof planSync>[0]["rows"] } = mode === "scan" ? scanCsv(text, { maxRows: N, maxColumns: 500 }) : parseCsv(text, { maxRows: N, maxColumns: 500 });
  const p = planSync({ header: s.header, rows: s.rows, fields, keyColumn: "id" });
  const now = new Date().toISOString(); const fixed = `tbl\t${now}\t${now}\n`;
  let chunk = ""; let ids = newIds("record", 250); let k = 0; let bytes = 0;
  for (const r of p.rows()) { chunk += `${ids[k++]}\t${escapeCopy(r.key)}\t${escapeCopyJson(r.cells)}\t${r.fingerprint ?? "\\N"}\t${fixed}`; if (k === 250) { bytes += Buffer.from(chunk).length; chunk = ""; k = 0; ids = newIds("record", 250); } }
  if (bytes === 0) throw new Error("no COPY text");
  const first = performance.now() - t;
  t = performance.now();
  const s2: { header: string[]; rows: Parameters<typeof planSync>[0]["rows"] } = mode === "scan" ? scanCsv(text, { maxRows: N, maxColumns: 500 }) : parseCsv(text, { maxRows: N, maxColumns: 500 });
  const p2 = planSync({ header: s2.header, rows: s2.rows, fields, keyColumn: "id" });
  p2.fingerprints();
  const resync = performance.now() - t;
  return [first, resync];
}
const res: Record<string, number[][]> = { scan: [], parse: [] };
for (let rep = 0; rep < Number(process.env.REPS ?? 15); rep++) for (const m of rep % 2 ? ["scan", "parse"] : ["parse", "scan"]) res[m].push(run(m));
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const m of ["parse", "scan"]) console.log(m, "first (parse+plan+coerce+copytext) median", med(res[m].slice(2).map((x) => x[0])).toFixed(1), "ms; resync (parse+plan+fingerprints) median", med(res[m].slice(2).map((x) => x[1])).toFixed(1), "ms");
