// The live preview on the fields step: a few sample rows rendered with the chosen types, marking
// the cells that would not parse and why. No server imports.
import { columnIndex } from "../csv/header";
import { coerceCell, formatCell } from "../fields/registry";
import type { FieldType } from "../fields/types";
import type { WizardField } from "./form";

export type PreviewCell = { text: string; display: string; error: string | null };
export type PreviewColumn = { column: string; name: string; type: FieldType };
export type Preview = { columns: PreviewColumn[]; rows: PreviewCell[][]; problemCount: number };

export function previewCell(field: Pick<WizardField, "type" | "options">, text: string): PreviewCell {
  const result = coerceCell(field.type, field.options, text);
  if (!result.ok) return { text, display: text, error: result.reason };
  return { text, display: result.value === undefined ? "" : formatCell(field.type, field.options, result.value), error: null };
}

export function buildPreview(input: { header: string[]; rows: string[][]; fields: WizardField[]; limit?: number }): Preview {
  const indexes = input.fields.map((f) => columnIndex(input.header, f.column));
  let problemCount = 0;
  const rows = input.rows.slice(0, input.limit ?? 5).map((row) =>
    input.fields.map((field, i) => {
      const cell = previewCell(field, indexes[i] < 0 ? "" : (row[indexes[i]] ?? ""));
      if (cell.error) problemCount++;
      return cell;
    }),
  );
  return { columns: input.fields.map((f) => ({ column: f.column, name: f.name, type: f.type })), rows, problemCount };
}
