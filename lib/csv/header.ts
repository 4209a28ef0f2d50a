import { invalidCsv } from "../errors";
import type { SyncConfig } from "../sync/config";

// Case-insensitive position of `column` in the header, -1 if absent.
export function columnIndex(header: string[], column: string): number {
  const wanted = column.trim().toLowerCase();
  for (let i = 0; i < header.length; i++) if (header[i].trim().toLowerCase() === wanted) return i;
  return -1;
}

// A CSV must carry the primary-key column and, in specific-fields mode, every chosen column.
// In all-fields mode a chosen column that is missing just leaves its cells empty.
export function checkHeaderForConfig(header: string[], config: SyncConfig): void {
  if (columnIndex(header, config.primaryKey) < 0) {
    throw invalidCsv(`The primary key column "${config.primaryKey}" is missing from the CSV header.`);
  }
  if (config.fieldSelection !== "specific") return;
  const missing = config.fields.filter((f) => columnIndex(header, f.column) < 0).map((f) => `"${f.column}"`);
  if (missing.length > 0) {
    const list = missing.length > 5 ? `${missing.slice(0, 5).join(", ")} and ${missing.length - 5} more` : missing.join(", ");
    throw invalidCsv(`The CSV header is missing ${missing.length === 1 ? "the column" : "the columns"} ${list} chosen for this sync.`);
  }
}
