import "server-only";
import type { FieldOptions, FieldType } from "../fields/types";
import { recordSlotsUsed } from "./tables";
import type { Queryable } from "./tx";

// The `fields` table. Raw SQL only: the sync engine reads and writes fields on its table-locked
// transaction's connection, which Prisma cannot join, and the read side uses the same reader.

// `slot`: the key of the field's values in records.cells (lib/records/cells.ts). A new field takes
// the next slot of its table (`slotsUsed` + 1, …): slots are never reused, so values a removed
// field left in records can never show up under another field.
export type FieldRow = { id: string; name: string; type: FieldType; options: FieldOptions; position: number; column: string; slot: number };

// A table's fields in their configured order. `type` and `options` are as stored: the read side
// checks them (lib/records/fields.ts).
export async function readFields(q: Queryable, tableId: string): Promise<FieldRow[]> {
  const { rows } = await q.query(
    `SELECT id, name, type, coalesce(options, '{}'::jsonb) AS options, position, "column", slot
       FROM fields WHERE table_id = $1 ORDER BY position, id`,
    [tableId],
  );
  return rows as FieldRow[];
}

// Makes the table's fields exactly `fields` (upsert by id, delete the rest) in two statements.
// Names are unique per table, so existing names are parked on the field id first: renames that
// swap two names would otherwise collide halfway.
export async function replaceFields(q: Queryable, tableId: string, fields: FieldRow[]): Promise<void> {
  const ids = fields.map((f) => f.id);
  await q.query(`DELETE FROM fields WHERE table_id = $1 AND NOT (id = ANY($2::text[]))`, [tableId, ids]);
  await q.query(`UPDATE fields SET name = id WHERE table_id = $1`, [tableId]);
  await q.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options, f.position, f."column", f.slot
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, name text, type text, options jsonb, position int, "column" text, slot int)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, options = excluded.options,
       position = excluded.position, "column" = excluded."column"`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(q, tableId, fields);
}

export async function appendFields(q: Queryable, tableId: string, fields: FieldRow[]): Promise<void> {
  if (fields.length === 0) return;
  await q.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options, f.position, f."column", f.slot
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, name text, type text, options jsonb, position int, "column" text, slot int)`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(q, tableId, fields);
}
