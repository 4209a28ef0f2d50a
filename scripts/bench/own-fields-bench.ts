// The own-fields part of `npm run bench` (issue 14): the same re-syncs into a table whose records
// all hold three own fields (a single select, a checkbox and a long text), and their cost next to
// the same syncs without them. A sync never reads or writes own_cells, but every record it updates
// or tombstones carries them along (Postgres rewrites the whole row).
import type pg from "pg";

export const OWN_SUFFIX = " + 3 own fields";

type Call = (path: string, init?: RequestInit) => Promise<{ json: unknown }>;

// Three own fields through the fields API, then every record filled in one statement (the write
// API takes 10 records a request; how the values got there does not matter to the sync).
export async function fillOwnFields(input: { call: Call; pool: pg.Pool; baseId: string; tableId: string }): Promise<void> {
  const { call, pool, baseId, tableId } = input;
  const bodies = [
    { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo" }, { name: "Done" }] } },
    { name: "Checked", type: "checkbox" },
    { name: "Notes", type: "multilineText" },
  ];
  for (const body of bodies) {
    await call(`/v0/meta/bases/${baseId}/tables/${tableId}/fields`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }
  const { rows } = await pool.query<{ slot: number }>(`SELECT slot FROM fields WHERE table_id = $1 AND origin = 'own' ORDER BY position`, [tableId]);
  const [status, checked, notes] = rows.map((r) => String(r.slot));
  const filled = await pool.query(
    `UPDATE records SET own_cells = json_build_object($2::text, 'Done', $3::text, true, $4::text, 'A note about ' || key || E' that a person wrote\\nover two lines')::text
      WHERE table_id = $1 AND deleted_at IS NULL`,
    [tableId, status, checked, notes],
  );
  if (!filled.rowCount) throw new Error("no records to fill with own values");
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Each scenario run with own fields next to the same without: medians and their ratio.
export function printOwnFieldRatios(scenarios: Record<string, { server: number[]; e2e: number[] }>): void {
  const pairs = Object.keys(scenarios).filter((name) => name.endsWith(OWN_SUFFIX) && scenarios[name.slice(0, -OWN_SUFFIX.length)]);
  if (pairs.length === 0) return;
  console.log(`\nown fields: the same sync with and without three filled own fields (median ms; ratio, target ≤ 1.10)`);
  console.log(`${"scenario".padEnd(30)} ${"without".padStart(9)} ${"with".padStart(9)} ${"ratio".padStart(7)} ${"e2e without".padStart(12)} ${"e2e with".padStart(9)} ${"ratio".padStart(7)}`);
  for (const name of pairs) {
    const plain = scenarios[name.slice(0, -OWN_SUFFIX.length)];
    const own = scenarios[name];
    const [a, b, c, d] = [median(plain.server), median(own.server), median(plain.e2e), median(own.e2e)];
    console.log(
      `${name.slice(0, -OWN_SUFFIX.length).padEnd(30)} ${a.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(9)} ${(b / a).toFixed(3).padStart(7)} ${c.toFixed(0).padStart(12)} ${d.toFixed(0).padStart(9)} ${(d / c).toFixed(3).padStart(7)}`,
    );
  }
}
