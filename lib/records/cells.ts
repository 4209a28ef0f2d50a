// How a record's cells are stored: one JSON object per record, `{ "<slot>": value, … }`, keyed by
// the field's slot (a small per-table number, never reused within the table) rather than its id,
// in slot order, empty cells absent. The column is plain text, not `jsonb` or `json`: taking in
// 10,000 records then costs Postgres no parsing at all (reads cast it, `cells::json`), and two
// records hold the same cells exactly when their texts are equal, because every writer encodes
// through this module. Reads map slots back to field ids once per record.
// No server imports: plan.ts (pure) and the read side both use it.
import type { CellValue } from "../fields/types";

export type SlottedField = { id: string; slot: number };

export const slotKey = (slot: number): string => String(slot);

// `"<slot>":`, the text before a value in the stored object.
export const slotPrefix = (slot: number): string => `"${slot}":`;

// A value as JSON text. Synced types only produce strings and finite numbers; own fields also
// `true` and arrays of names. Most CSV text needs no escaping, and checking for that is cheaper
// than JSON.stringify (a 10,000-row sync encodes 100,000+ strings).
export function encodeCellValue(value: CellValue): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return JSON.stringify(value);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

// { fieldId: value } → the stored text.
export function encodeCells(cells: Record<string, CellValue>, fields: readonly SlottedField[]): string {
  let json = "{";
  for (const field of [...fields].sort((a, b) => a.slot - b.slot)) {
    const value = cells[field.id];
    if (value === undefined) continue;
    if (json.length > 1) json += ",";
    json += slotPrefix(field.slot) + encodeCellValue(value);
  }
  return `${json}}`;
}

// A record's two stored texts (synced `cells`, own `own_cells` or null) → { fieldId: value }.
// Slots are never shared, so the two objects merge without overlap.
export function storedCellsByFieldId(cells: string, ownCells: string | null, fields: readonly SlottedField[]): Record<string, CellValue> {
  const stored = JSON.parse(cells) as Record<string, CellValue>;
  return cellsByFieldId(ownCells ? Object.assign(stored, JSON.parse(ownCells)) : stored, fields);
}

// The stored object → { fieldId: value } for the given fields. Values of slots no field holds
// (a field removed from the table) are left out.
export function cellsByFieldId(stored: Record<string, CellValue> | null, fields: readonly SlottedField[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  if (!stored) return out;
  for (const field of fields) {
    const value = stored[slotKey(field.slot)];
    if (value !== undefined) out[field.id] = value;
  }
  return out;
}
