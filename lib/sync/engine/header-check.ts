// The header rules that need the sync's configuration (the rules of the CSV alone are in
// lib/csv/parse.ts). Pure; `param` names the configuration entry a refusal is about, so the
// wizard can show it beside that entry.
import { columnKey, columnIndex, headerPositions } from "../../csv/header";
import { invalidCsv } from "../../errors";
import type { SyncConfig } from "../../sync-shapes/config";

// A CSV must carry the primary-key column and, in specific-fields mode, every chosen column.
// In all-fields mode a chosen column that is missing just leaves its cells empty.
export function checkHeaderForConfig(header: string[], config: SyncConfig): void {
  if (columnIndex(header, config.primaryKey) < 0) {
    throw invalidCsv(`The primary key column "${config.primaryKey}" is missing from the CSV header.`, "primaryKey");
  }
  if (config.fieldSelection !== "specific") return;
  const positions = headerPositions(header);
  const missing = config.fields.flatMap((f, i) => (positions.has(columnKey(f.column)) ? [] : [i]));
  if (missing.length > 0) {
    const names = missing.map((i) => `"${config.fields[i].column}"`);
    const list = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    throw invalidCsv(
      `The CSV header is missing ${names.length === 1 ? "the column" : "the columns"} ${list} chosen for this sync.`,
      `fields.${missing[0]}.column`,
    );
  }
}
