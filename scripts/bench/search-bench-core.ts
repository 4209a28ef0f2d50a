// The search bench's work, imported once DATABASE_URL points at the bench database.
import { db, getPool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { listRecords } from "@/lib/records/list";
import { parseListQuery } from "@/lib/records/query";
import { loadTableFields } from "@/lib/records/fields";

export type WideTable = { baseId: string; tableId: string; bytes: number };

export async function seedWideTable(input: { columns: number; rows: number }): Promise<WideTable> {
  const user = await db.user.create({ data: { id: newId("user"), email: `${newId("user")}@bench.test`, passwordHash: "x" } });
  const base = await db.base.create({ data: { id: newId("base"), name: "bench", members: { create: { userId: user.id, role: "owner" } } } });
  const tableId = newId("table");
  await db.syncTable.create({ data: { id: tableId, baseId: base.id, name: "wide", fieldSlots: input.columns } });
  const fields = Array.from({ length: input.columns }, (_, i) => ({ id: newId("field"), name: `c${i}`, slot: i + 1 }));
  await db.field.createMany({
    data: fields.map((f, i) => ({ id: f.id, tableId, name: f.name, type: "singleLineText", options: {}, position: i, column: f.name, slot: f.slot })),
  });
  await db.syncTable.update({ where: { id: tableId }, data: { primaryFieldId: fields[0].id } });
  const letters = "abcdefghijklmnopqrstuvwxy";
  const rows = Array.from({ length: input.rows }, (_, r) => {
    const cells: Record<string, string> = {};
    for (const f of fields) cells[String(f.slot)] = letters[(r * 7 + f.slot) % letters.length];
    cells["1"] = `k${String(r).padStart(6, "0")}`;
    return { id: newId("record"), key: cells["1"], cells: JSON.stringify(cells) };
  });
  await getPool().query(
    `INSERT INTO records (id, table_id, key, cells) SELECT x.id, $1, x.key, x.cells FROM json_to_recordset($2::json) AS x(id text, key text, cells text)`,
    [tableId, JSON.stringify(rows)],
  );
  await getPool().query("ANALYZE records");
  return { baseId: base.id, tableId, bytes: rows.reduce((n, r) => n + r.cells.length, 0) };
}

export async function timeQueries(table: WideTable, reps: number): Promise<string[]> {
  const t = await db.syncTable.findUniqueOrThrow({ where: { id: table.tableId } });
  const fields = await loadTableFields(t);
  const cases: [string, string, boolean][] = [
    ["search=zzz (no match)", "search=zzz", false],
    ["search=zzz, sort by c5", "search=zzz&sort[0][field]=c5", false],
    ["search=zzz + match count (grid)", "search=zzz", true],
    ["sort by c499 desc, first page", "sort[0][field]=c499&sort[0][direction]=desc", false],
    ["search=k0010 (some rows match)", "search=k0010&sort[0][field]=c5", true],
  ];
  const lines: string[] = [];
  for (const [label, qs, withTotal] of cases) {
    const query = parseListQuery(new URLSearchParams(qs), fields);
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      await listRecords({ tableId: table.tableId, fields, query, withTotal });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(`${label.padEnd(36)} median ${times[Math.floor(times.length / 2)].toFixed(0).padStart(7)} ms   max ${times.at(-1)!.toFixed(0).padStart(7)} ms`);
  }
  return lines;
}
