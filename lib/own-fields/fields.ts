import "server-only";
import { columnKey } from "../csv/header";
import { MAX_NAME_LENGTH } from "../csv/limits";
import { readAllFields, writeFieldOrder } from "../data/fields";
import { invalidRequest, notFound } from "../errors";
import { fieldTypeSchema } from "../fields/registry";
import type { FieldOptions, SelectChoice } from "../fields/types";
import { newId } from "../ids";
import { loadTableFields } from "../records/fields";
import type { TableField } from "../records/types";
import { withTableLock, type Tx } from "../sync/engine/transaction";
import { completeChoices } from "./choices";
import { parseOwnFieldOptions } from "./options";
import { renameChoiceValues } from "./choice-values";

// Own fields of a table: created, renamed, re-optioned, moved and deleted by a user (role creator
// or above, checked by the caller), for the grid's session routes and the fields API alike. Each
// change takes the table's lock, as a sync does, so a field's new slot never races a sync's.
type TableRef = { id: string; primaryFieldId: string | null };

function checkName(raw: unknown, fields: TableField[], exceptId?: string): string {
  if (typeof raw !== "string" || !raw.trim()) throw invalidRequest("name: must be a non-empty string", "name");
  const name = raw.trim();
  if (name.length > MAX_NAME_LENGTH) throw invalidRequest(`name: at most ${MAX_NAME_LENGTH} characters`, "name");
  const clash = fields.find((f) => f.id !== exceptId && columnKey(f.name) === columnKey(name));
  if (clash) throw invalidRequest(`name: the table already has a field named "${clash.name}" (names are unique, ignoring case)`, "name");
  return name;
}

function ownField(fields: TableField[], fieldId: string): TableField {
  const field = fields.find((f) => f.id === fieldId);
  if (!field) throw notFound(`Could not find field ${fieldId.slice(0, 40)}`);
  if (field.origin !== "own") {
    throw invalidRequest(`field: "${field.name}" is synced; only its sync configuration changes it, and it cannot be deleted here`, "field");
  }
  return field;
}

const stored = (options: FieldOptions): FieldOptions => (options.choices ? { ...options, choices: completeChoices(options.choices) } : options);

async function reload(table: TableRef, fieldId: string): Promise<TableField> {
  const field = (await loadTableFields(table)).find((f) => f.id === fieldId);
  if (!field) throw notFound(`Could not find field ${fieldId}`);
  return field;
}

export async function createOwnField(table: TableRef, body: { name?: unknown; type?: unknown; options?: unknown }): Promise<TableField> {
  const type = fieldTypeSchema.safeParse(body.type);
  if (!type.success) throw invalidRequest(`type: "${String(body.type).slice(0, 40)}" is not a field type (${fieldTypeSchema.options.join(", ")})`, "type");
  const options = stored(parseOwnFieldOptions(type.data, body.options));
  const id = newId("field");
  await withTableLock(table.id, async (tx) => {
    const fields = await loadTableFields(table, tx);
    const name = checkName(body.name, fields);
    await tx.query(
      `WITH slot AS (UPDATE tables SET field_slots = field_slots + 1 WHERE id = $2 RETURNING field_slots)
       INSERT INTO fields (id, table_id, name, type, options, position, "column", slot, origin)
       SELECT $1, $2, $3, $4, $5::jsonb, (SELECT coalesce(max(position), -1) + 1 FROM fields WHERE table_id = $2), NULL, slot.field_slots, 'own'
         FROM slot`,
      [id, table.id, name, type.data, JSON.stringify(options)],
    );
  });
  return reload(table, id);
}

// `position`: the field's new 0-based index among all the table's fields, as the grid shows them.
export async function updateOwnField(
  table: TableRef,
  fieldId: string,
  body: { name?: unknown; type?: unknown; options?: unknown; position?: unknown },
): Promise<TableField> {
  await withTableLock(table.id, async (tx) => {
    const fields = await loadTableFields(table, tx);
    const field = ownField(fields, fieldId);
    if (body.type !== undefined && body.type !== field.type) throw invalidRequest(`type: a field's type cannot change (it is ${field.type})`, "type");
    if (body.name !== undefined) {
      await tx.query(`UPDATE fields SET name = $2 WHERE id = $1`, [field.id, checkName(body.name, fields, field.id)]);
    }
    if (body.options !== undefined) await changeOptions(tx, table.id, field, parseOwnFieldOptions(field.type, body.options));
    if (body.position !== undefined) {
      if (typeof body.position !== "number" || !Number.isInteger(body.position) || body.position < 0) {
        throw invalidRequest("position: must be a whole number, 0 or more", "position");
      }
      const order = fields.map((f) => f.id).filter((id) => id !== field.id);
      order.splice(Math.min(body.position, order.length), 0, field.id);
      await writeFieldOrder(tx, table.id, order);
    }
  });
  return reload(table, fieldId);
}

// New options: select choices are matched by id (a choice sent without one is new); a renamed
// choice is renamed in every record, a removed one is taken out of them.
async function changeOptions(tx: Tx, tableId: string, field: TableField, next: FieldOptions): Promise<void> {
  let options = next;
  if (next.choices) {
    const before = field.options.choices ?? [];
    const kept = next.choices.filter((c) => c.id && before.some((b) => b.id === c.id));
    const unknownId = next.choices.find((c) => c.id && !before.some((b) => b.id === c.id));
    if (unknownId) throw invalidRequest(`options.choices: no choice has the id ${unknownId.id}`, "options.choices");
    const renames: Record<string, string | null> = {};
    for (const b of before) {
      const now = kept.find((c) => c.id === b.id);
      if (!now) renames[b.name] = null;
      else if (now.name !== b.name) renames[b.name] = now.name;
    }
    options = { ...next, choices: completeChoices(next.choices as SelectChoice[], before.length) };
    if (Object.keys(renames).length > 0) await renameChoiceValues(tx, { tableId, field, renames });
  }
  await tx.query(`UPDATE fields SET options = $2::jsonb WHERE id = $1`, [field.id, JSON.stringify(options)]);
}

export async function deleteOwnField(table: TableRef, fieldId: string): Promise<{ id: string; deleted: true }> {
  await withTableLock(table.id, async (tx) => {
    const field = ownField(await loadTableFields(table, tx), fieldId);
    await tx.query(`DELETE FROM fields WHERE id = $1`, [field.id]);
    // The slot is never reused, so its values could stay; taking them out keeps records small.
    await tx.query(
      `UPDATE records SET own_cells = nullif((own_cells::jsonb - $2::text)::text, '{}') WHERE table_id = $1 AND own_cells IS NOT NULL AND own_cells::jsonb ? $2::text`,
      [table.id, String(field.slot)],
    );
    const rest = (await readAllFields(tx, table.id)).map((f) => f.id);
    await writeFieldOrder(tx, table.id, rest);
  });
  return { id: fieldId, deleted: true };
}
