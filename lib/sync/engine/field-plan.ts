// Pure decisions about a table's fields when a configuration is saved or new columns arrive.
import { columnKey, sameColumn } from "../../csv/header";
import { newId } from "../../ids";
import type { FieldRow } from "../../data/fields";
import { DEFAULT_FIELD_TYPE } from "../../fields/types";
import type { SyncConfig } from "../../sync-shapes/config";

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
      columnKey(c.primaryKey),
      ...c.fields
        .map((f) => `${columnKey(f.column)}|${f.type}|${JSON.stringify(Object.entries(f.options ?? {}).sort())}`)
        .sort(),
    ].join("\n");
  return signature(previous) !== signature(next);
}

// Columns of `header` that no field reads yet.
export const newColumns = (header: string[], fields: FieldRow[]) => header.filter((column) => !fields.some((f) => sameColumn(f.column, column)));

// A synced field never takes an own field's name (case-insensitively): it gets " (synced)"
// appended, and the run says so (ownNameProblems).
export const SYNCED_SUFFIX = " (synced)";
export function avoidOwnNames(name: string, ownNames: readonly string[]): string {
  const own = new Set(ownNames.map(columnKey));
  return own.has(columnKey(name)) ? `${name}${SYNCED_SUFFIX}` : name;
}

// `columns` (from newColumns) as new single-line-text fields after the last one. A field renamed
// by the user may already hold a column's name: "Name 2", "Name 3", …; an own field's name gives
// "Name (synced)".
export function fieldsForNewColumns(columns: string[], fields: FieldRow[], slotsUsed: number, ownNames: readonly string[] = []): FieldRow[] {
  const taken = new Set([...fields.map((f) => f.name), ...ownNames].map(columnKey));
  let position = fields.reduce((max, f) => Math.max(max, f.position), -1);
  let slot = slotsUsed;
  return columns.map((column) => {
    const base = avoidOwnNames(column, ownNames);
    let name = base;
    for (let n = 2; taken.has(columnKey(name)); n++) name = `${base} ${n}`;
    taken.add(columnKey(name));
    return { id: newId("field"), name, type: DEFAULT_FIELD_TYPE, options: {}, position: ++position, column, slot: ++slot };
  });
}
