import "server-only";
import type pg from "pg";
import { ApiError, invalidRequest, notFound, unknownField } from "../errors";
import { slotKey, storedCellsByFieldId } from "../records/cells";
import { findField } from "../records/query";
import type { RecordRow, TableField } from "../records/types";
import { completeChoices } from "./choices";
import { inTransaction } from "../db";
import { toOwnValue } from "./values";

// Writes of own-field values, shared by the grid (PATCH …/records/{id}) and the write API
// (PATCH/PUT /v0/{base}/{table}[/{id}]). The whole request is checked before anything is written,
// and written in one transaction: one statement merges every record's values into its own_cells
// in SQL, so concurrent edits of different cells both survive and the later write of one cell
// wins. A sync never writes own_cells, and these writes never touch cells.
export type RecordWrite = { recordId: string; fields: Record<string, unknown> };

type Planned = { id: string; set: Record<string, unknown>; clear: string[] };

export const syncedFieldRefused = (field: TableField) =>
  new ApiError("INVALID_VALUE_FOR_COLUMN", `Field "${field.name}" cannot accept a value because the field is synced`);

export async function writeOwnCells(input: {
  tableId: string;
  fields: TableField[];
  writes: RecordWrite[];
  typecast?: boolean;
  replace?: boolean; // PUT: own fields not named are cleared
}): Promise<RecordRow[]> {
  const { fields, writes } = input;
  const typecast = input.typecast ?? false;
  const ids = writes.map((w) => w.recordId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw invalidRequest(`records: record ${repeated.slice(0, 40)} is listed twice`);

  // Every field named anywhere first: one synced field refuses the whole request.
  const named = writes.map((w) => Object.entries(w.fields).map(([nameOrId, value]) => {
    const field = findField(fields, nameOrId);
    if (!field) throw unknownField(nameOrId);
    return { field, value };
  }));
  const synced = named.flat().find((n) => n.field.origin === "sync");
  if (synced) throw syncedFieldRefused(synced.field);

  const newChoices = new Map<string, string[]>(); // field id → names typecast adds
  const planned: Planned[] = writes.map((w, i) => {
    const set: Record<string, unknown> = {};
    const clear: string[] = [];
    for (const { field, value } of named[i]) {
      const withAdded = { ...field, options: { ...field.options, choices: [...(field.options.choices ?? []), ...(newChoices.get(field.id) ?? []).map((name) => ({ name }))] } };
      const result = toOwnValue(withAdded, value, typecast);
      if (!result.ok) throw new ApiError("INVALID_VALUE_FOR_COLUMN", `Field "${field.name}" cannot accept the provided value: ${result.reason}`);
      if (result.newChoices.length > 0) newChoices.set(field.id, [...(newChoices.get(field.id) ?? []), ...result.newChoices]);
      if (result.value === undefined) clear.push(slotKey(field.slot));
      else set[slotKey(field.slot)] = result.value;
    }
    if (input.replace) {
      for (const field of fields) if (field.origin === "own" && !named[i].some((n) => n.field.id === field.id)) clear.push(slotKey(field.slot));
    }
    return { id: w.recordId, set, clear };
  });

  return inTransaction(async (client) => {
    for (const [fieldId, names] of newChoices) await addChoices(client, fieldId, names);
    const { rows } = await client.query<{ id: string; key: string; created_at: Date; cells: string; own_cells: string | null }>(
      `UPDATE records r
          SET own_cells = nullif(((coalesce(r.own_cells::jsonb, '{}'::jsonb) - u.clear) || u.set)::text, '{}')
         FROM jsonb_to_recordset($2::jsonb) AS u(id text, set jsonb, clear text[])
        WHERE r.table_id = $1 AND r.id = u.id AND r.deleted_at IS NULL
        RETURNING r.id, r.key, r.created_at, r.cells, r.own_cells`,
      [input.tableId, JSON.stringify(planned)],
    );
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw notFound(`Could not find record ${missing.slice(0, 40)}`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id)!;
      return { id: row.id, key: row.key, createdTime: row.created_at.toISOString(), cells: storedCellsByFieldId(row.cells, row.own_cells, fields) };
    });
  });
}

// typecast's new choices, added under the field row's lock so two writers do not lose one.
async function addChoices(client: pg.PoolClient, fieldId: string, names: string[]): Promise<void> {
  const { rows } = await client.query<{ options: { choices?: { id: string; name: string; color: string }[] } | null }>(
    `SELECT options FROM fields WHERE id = $1 FOR UPDATE`,
    [fieldId],
  );
  const options = rows[0]?.options ?? {};
  const choices = options.choices ?? [];
  const fresh = names.filter((n) => !choices.some((c) => c.name.toLowerCase() === n.toLowerCase()));
  if (fresh.length === 0) return;
  const next = [...choices, ...completeChoices(fresh.map((name) => ({ name })), choices.length)];
  await client.query(`UPDATE fields SET options = $2::jsonb WHERE id = $1`, [fieldId, JSON.stringify({ ...options, choices: next })]);
}
