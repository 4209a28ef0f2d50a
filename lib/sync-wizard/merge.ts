// A newer API request arrived while the user was configuring: the field list follows its header.
// Columns still present keep the user's order, names, types and ticks; removed columns go; new
// ones are appended with their suggested type. No server imports.
import { fieldFromColumn, suggestionsByColumn, type WizardField, type WizardValues } from "./form";
import type { FieldSuggestionJson } from "../sync-shapes/json";
import { columnKey } from "../csv/header";

export function mergeHeader(
  values: Pick<WizardValues, "fields" | "fieldSelection" | "primaryKey">,
  header: string[],
  suggestions: FieldSuggestionJson[] | null,
): { fields: WizardField[]; primaryKey: string } {
  const inHeader = new Map(header.map((column) => [columnKey(column), column]));
  const fields: WizardField[] = [];
  const kept = new Set<string>();
  for (const field of values.fields) {
    const column = inHeader.get(columnKey(field.column));
    if (column === undefined) continue;
    kept.add(columnKey(column));
    // The header may now spell the column differently ("price" → "Price"); a name the user never
    // edited follows the new spelling.
    const name = field.name === field.column ? column : field.name;
    fields.push({ ...field, column, name });
  }
  const byColumn = suggestionsByColumn(suggestions);
  // In "Specific fields" mode the user picked what to sync; a new column waits to be ticked.
  const selected = values.fieldSelection === "all";
  for (const column of header) {
    if (kept.has(columnKey(column))) continue;
    fields.push(fieldFromColumn(column, byColumn.get(columnKey(column)), selected));
  }
  const key = inHeader.get(columnKey(values.primaryKey));
  return { fields, primaryKey: key ?? "" };
}
