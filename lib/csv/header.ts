import { invalidCsv } from "../errors";
import type { SyncConfig } from "../sync-shapes/config";

// Case-insensitive position of `column` in the header, -1 if absent.
export function columnIndex(header: string[], column: string): number {
  const wanted = column.trim().toLowerCase();
  for (let i = 0; i < header.length; i++) if (header[i].trim().toLowerCase() === wanted) return i;
  return -1;
}

// Lower-cased column name → position, for looking up many columns at once (500 × 500 otherwise).
export function headerPositions(header: string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, i);
  });
  return positions;
}

// A CSV must carry the primary-key column and, in specific-fields mode, every chosen column.
// In all-fields mode a chosen column that is missing just leaves its cells empty.
export function checkHeaderForConfig(header: string[], config: SyncConfig): void {
  if (columnIndex(header, config.primaryKey) < 0) {
    throw invalidCsv(`The primary key column "${config.primaryKey}" is missing from the CSV header.`);
  }
  if (config.fieldSelection !== "specific") return;
  const positions = headerPositions(header);
  const missing = config.fields.filter((f) => !positions.has(f.column.trim().toLowerCase())).map((f) => `"${f.column}"`);
  if (missing.length > 0) {
    const list = missing.length > 5 ? `${missing.slice(0, 5).join(", ")} and ${missing.length - 5} more` : missing.join(", ");
    throw invalidCsv(`The CSV header is missing ${missing.length === 1 ? "the column" : "the columns"} ${list} chosen for this sync.`);
  }
}
