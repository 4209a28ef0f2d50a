import "server-only";
import type { FieldOptions, FieldType } from "../fields/types";
import { recordSlotsUsed } from "./tables";
import type { Queryable } from "./tx";

// The `fields` table. Raw SQL only: the sync engine reads and writes fields on its table-locked
// transaction's connection, which Prisma cannot join, and the read side uses the same reader.

// `slot`: the key of the field's values in records.cells (lib/records/cells.ts). A new field takes
// the next slot of its table (`slotsUsed` + 1, …): slots are never reused, so values a removed
// field left in records can never show up under another field.
// A synced field (origin "sync"): the engine and the sync configuration only ever see these.
export type FieldRow = { id: string; name: string; type: FieldType; options: FieldOptions; position: number; column: string; slot: number };
// Any field of a table: synced, or own (added by a user, `column` null, values in records.own_cells).
export type FieldOrigin = "sync" | "own";
export type AnyFieldRow = Omit<FieldRow, "column"> & { column: string | null; origin: FieldOrigin };

// A table's synced fields in their order. `type` and `options` are as stored: the read side
// checks them (lib/records/fields.ts).
export async function readFields(q: Queryable, tableId: string): Promise<FieldRow[]> {
  const { rows } = await q.query(
    `SELECT id, name, type, coalesce(options, '{}'::jsonb) AS options, position, "column", slot
       FROM fields WHERE table_id = $1 AND origin = 'sync' ORDER BY position, id`,
    [tableId],
  );
  return rows as FieldRow[];
}

// Every field of a table, synced and own, in their order.
export async function readAllFields(q: Queryable, tableId: string): Promise<AnyFieldRow[]> {
  const { rows } = await q.query(
    `SELECT id, name, type, coalesce(options, '{}'::jsonb) AS options, position, "column", slot, origin
       FROM fields WHERE table_id = $1 ORDER BY position, id`,
    [tableId],
  );
  return rows as AnyFieldRow[];
}

// The names of a table's own fields: a synced field never takes one (field-plan's " (synced)").
export async function readOwnFieldNames(q: Queryable, tableId: string): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(`SELECT name FROM fields WHERE table_id = $1 AND origin = 'own'`, [tableId]);
  return rows.map((r) => r.name);
}

// Sets every field's position to its index in `ids` (all of the table's fields, in order).
export async function writeFieldOrder(q: Queryable, tableId: string, ids: string[]): Promise<void> {
  await q.query(
    `UPDATE fields f SET position = o.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS o(id, n)
      WHERE f.table_id = $1 AND f.id = o.id AND f.position <> o.n - 1`,
    [tableId, ids],
  );
}

// Makes the table's synced fields exactly `fields` (upsert by id, delete the other synced ones);
// own fields stay, at their places (mergeFieldOrder). Names are unique per table, so existing
// names are parked on the field id first: renames that swap two names would otherwise collide halfway.
export async function replaceFields(q: Queryable, tableId: string, fields: FieldRow[]): Promise<void> {
  const ids = fields.map((f) => f.id);
  const own = (await readAllFields(q, tableId)).filter((f) => f.origin === "own");
  const order = mergeFieldOrder(ids, own);
  fields = fields.map((f) => ({ ...f, position: order.indexOf(f.id) }));
  await q.query(`DELETE FROM fields WHERE table_id = $1 AND origin = 'sync' AND NOT (id = ANY($2::text[]))`, [tableId, ids]);
  await q.query(`UPDATE fields SET name = id WHERE table_id = $1 AND origin = 'sync'`, [tableId]);
  await q.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options, f.position, f."column", f.slot
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, name text, type text, options jsonb, position int, "column" text, slot int)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, options = excluded.options,
       position = excluded.position, "column" = excluded."column"`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(q, tableId, fields);
  await writeFieldOrder(q, tableId, order);
}

// Synced fields in their new order, with each own field kept at its index among all fields (as
// far as the count allows): a configuration change moves no own field.
export function mergeFieldOrder(syncedIds: string[], own: { id: string; position: number }[]): string[] {
  const queue = [...own].sort((a, b) => a.position - b.position);
  const synced = [...syncedIds];
  const order: string[] = [];
  while (queue.length > 0 || synced.length > 0) {
    const takeOwn = queue.length > 0 && (synced.length === 0 || queue[0].position <= order.length);
    order.push(takeOwn ? queue.shift()!.id : synced.shift()!);
  }
  return order;
}

// New synced fields go after every field (synced and own), in the given order.
export async function appendFields(q: Queryable, tableId: string, fields: FieldRow[]): Promise<void> {
  if (fields.length === 0) return;
  await q.query(
    `INSERT INTO fields (id, table_id, name, type, options, position, "column", slot)
     SELECT f.id, $1, f.name, f.type, f.options,
            (SELECT coalesce(max(position), -1) FROM fields WHERE table_id = $1) + f.n::int, f."column", f.slot
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (id text, name text, type text, options jsonb, "column" text, slot int))
            WITH ORDINALITY AS f(id, name, type, options, "column", slot, n)`,
    [tableId, JSON.stringify(fields)],
  );
  await recordSlotsUsed(q, tableId, fields);
}
