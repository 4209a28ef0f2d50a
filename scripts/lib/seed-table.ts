// Test and benchmark data for the read API, independent of a real sync: a table with typed fields
// and records written straight into the database, in the shape the sync engine writes them.
import { db, getPool } from "../../lib/db";
import { newId } from "../../lib/ids";
import { encodeCells } from "../../lib/records/cells";
import type { CellValue, FieldOptions, FieldType } from "../../lib/fields/types";

export type SeedField = { name: string; type: FieldType; options?: FieldOptions };
export type SeedRecord = { key: string; cells: Record<string, CellValue>; deleted?: boolean };

// `cells` in SeedRecord are keyed by field name; stored keyed by field slot. The first field is primary.
export async function seedTable(input: { baseId: string; name: string; fields: SeedField[]; records: SeedRecord[] }) {
  const tableId = newId("table");
  const fields = input.fields.map((f, i) => ({ ...f, id: newId("field"), slot: i + 1 }));
  await db.syncTable.create({ data: { id: tableId, baseId: input.baseId, name: input.name, fieldSlots: fields.length } });
  await db.field.createMany({
    data: fields.map((f, i) => ({
      id: f.id,
      tableId,
      name: f.name,
      type: f.type,
      options: f.options ?? {},
      position: i,
      column: f.name,
      slot: f.slot,
    })),
  });
  await db.syncTable.update({ where: { id: tableId }, data: { primaryFieldId: fields[0].id } });
  const byName = new Map(fields.map((f) => [f.name, f.id]));
  const rows = input.records.map((r) => ({
    id: newId("record"),
    key: r.key,
    deleted: r.deleted ?? false,
    cells: JSON.parse(encodeCells(Object.fromEntries(Object.entries(r.cells).map(([name, value]) => [byName.get(name)!, value])), fields)),
  }));
  await getPool().query(
    `INSERT INTO records (id, table_id, key, cells, deleted_at)
     SELECT x.id, $1, x.key, x.cells::text, CASE WHEN x.deleted THEN now() END
     FROM json_to_recordset($2::json) AS x(id text, key text, cells json, deleted boolean)`,
    [tableId, JSON.stringify(rows)],
  );
  return { tableId, fieldIds: Object.fromEntries(byName), recordIds: rows.map((r) => r.id) };
}
