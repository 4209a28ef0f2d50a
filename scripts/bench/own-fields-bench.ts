// The own-fields part of `npm run bench` (issue 14): the same re-syncs into a table whose records
// all hold three own fields (a single select, a checkbox and a long text), and their cost next to
// the same syncs without them. A sync never reads or writes own_cells, but every record it updates
// or tombstones carries them along (Postgres rewrites the whole row).
import type pg from "pg";

export const OWN_SUFFIX = " + 3 own fields";
// The same table history without own values: every record rewritten once (own_cells stays null),
// then vacuumed, exactly as the own-fields table is filled. Filling 10,000 records at once leaves
// that many dead row versions and a heap twice its size; this variant pays the same, so the ratio
// measures the own values themselves.
export const REWRITTEN_SUFFIX = " (rewritten, no own)";

type Call = (path: string, init?: RequestInit) => Promise<{ json: unknown }>;

// Three own fields through the fields API, then every record filled in one statement (the write
// API takes 10 records a request; how the values got there does not matter to the sync), then vacuumed.
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
  // People fill own fields over days, vacuumed meanwhile: measure the table in that state (a
  // vacuum racing the measured syncs would be noise).
  await pool.query("VACUUM records");
}

export async function rewriteRecords(input: { pool: pg.Pool; tableId: string }): Promise<void> {
  await input.pool.query(`UPDATE records SET own_cells = NULL WHERE table_id = $1 AND deleted_at IS NULL`, [input.tableId]);
  await input.pool.query("VACUUM records");
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Each scenario run with own fields next to the same without: medians and their ratio, against
// the table with the same history (the target) and against the plain one.
export function printOwnFieldRatios(scenarios: Record<string, { server: number[]; e2e: number[] }>): void {
  const pairs = Object.keys(scenarios).filter((name) => name.endsWith(OWN_SUFFIX));
  if (pairs.length === 0) return;
  console.log(`\nown fields: the same sync with and without three filled own fields (server ms, medians; target: ratio ≤ 1.10 against the same history)`);
  console.log(`${"scenario".padEnd(28)} ${"same history".padStart(13)} ${"own fields".padStart(11)} ${"ratio".padStart(7)} ${"plain table".padStart(12)} ${"ratio".padStart(7)}`);
  for (const name of pairs) {
    const base = name.slice(0, -OWN_SUFFIX.length);
    const own = median(scenarios[name].server);
    const same = scenarios[base + REWRITTEN_SUFFIX] ? median(scenarios[base + REWRITTEN_SUFFIX].server) : NaN;
    const plain = scenarios[base] ? median(scenarios[base].server) : NaN;
    console.log(
      `${base.padEnd(28)} ${same.toFixed(0).padStart(13)} ${own.toFixed(0).padStart(11)} ${(own / same).toFixed(3).padStart(7)} ${plain.toFixed(0).padStart(12)} ${(own / plain).toFixed(3).padStart(7)}`,
    );
  }
}
