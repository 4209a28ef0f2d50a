// Pure decisions about a table's fields when a configuration is saved or new columns arrive.
import { newId } from "../../ids";
import { DEFAULT_FIELD_TYPE, type FieldOptions, type FieldType } from "../../fields/types";
import type { SyncConfig } from "../../sync-shapes/config";

// `slot`: the key of the field's values in records.cells (lib/records/cells.ts). A new field takes
// the next slot of its table (`slotsUsed` + 1, …): slots are never reused, so values a removed
// field left in records can never show up under another field.
export type FieldRow = { id: string; name: string; type: FieldType; options: FieldOptions; position: number; column: string; slot: number };

export const sameColumn = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

// Fields keep their ids across configurations (matched by source column), so records' cells stay valid.
export function planFields(config: SyncConfig, existing: FieldRow[], slotsUsed: number): FieldRow[] {
  let slot = slotsUsed;
  return config.fields.map((f, position) => {
    const same = existing.find((e) => sameColumn(e.column, f.column));
    return {
      slot: same?.slot ?? ++slot,
      id: same?.id ?? newId("field"),
      name: f.name ?? f.column,
      type: f.type,
      options: f.options ?? {},
      position,
      column: same?.column ?? f.column,
    };
  });
}

// Names, order, update method, deletion and retention change no cell; columns, types, options,
// the field selection and the key do.
export function cellsDependOnChange(previous: SyncConfig, next: SyncConfig): boolean {
  const signature = (c: SyncConfig) =>
    [
      c.fieldSelection,
      c.primaryKey.trim().toLowerCase(),
      ...c.fields
        .map((f) => `${f.column.trim().toLowerCase()}|${f.type}|${JSON.stringify(Object.entries(f.options ?? {}).sort())}`)
        .sort(),
    ].join("\n");
  return signature(previous) !== signature(next);
}

// Columns of `header` that no field reads yet.
export const newColumns = (header: string[], fields: FieldRow[]) => header.filter((column) => !fields.some((f) => sameColumn(f.column, column)));

// `columns` (from newColumns) as new single-line-text fields after the last one. A field renamed
// by the user may already hold a column's name: "Name 2", "Name 3", …
export function fieldsForNewColumns(columns: string[], fields: FieldRow[], slotsUsed: number): FieldRow[] {
  const taken = new Set(fields.map((f) => f.name.toLowerCase()));
  let position = fields.reduce((max, f) => Math.max(max, f.position), -1);
  let slot = slotsUsed;
  return columns.map((column) => {
    let name = column;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${column} ${n}`;
    taken.add(name.toLowerCase());
    return { id: newId("field"), name, type: DEFAULT_FIELD_TYPE, options: {}, position: ++position, column, slot: ++slot };
  });
}
