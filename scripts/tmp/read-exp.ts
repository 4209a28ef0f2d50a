import pg from "pg";
const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/perf_scratch" });
await c.connect();
const n = await c.query("select count(*) from R"); console.log("rows", n.rows[0].count);
for (let rep = 0; rep < 8; rep++) {
  const t0 = performance.now();
  const { rows } = await c.query({ text: "SELECT key, cells::text, deleted_at IS NULL FROM R WHERE table_id = $1", values: ["tblX"], rowMode: "array" });
  const t1 = performance.now();
  const m = new Map<string, { cells: string; live: boolean }>();
  for (const [k, cells, live] of rows as [string, string, boolean][]) m.set(k, { cells, live });
  const t2 = performance.now();
  let eq = 0;
  for (const [k, v] of m) { const copy = "" + v.cells.slice(0, 5) + v.cells.slice(5); if (m.get(k)!.cells === copy) eq++; }
  const t3 = performance.now();
  console.log(`query ${(t1 - t0).toFixed(1)} map ${(t2 - t1).toFixed(1)} compare ${(t3 - t2).toFixed(1)} (${eq})`);
}
await c.end();
