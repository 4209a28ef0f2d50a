// Warnings for the primary-key step, from the sample rows of the latest request. No server imports.
import { MAX_KEY_LENGTH } from "../csv/limits";
import { columnIndex } from "../csv/header";

export type KeyCheck = { sampleSize: number; empty: number; tooLong: number; repeated: { value: string; count: number }[] };

export function checkKeyColumn(header: string[], rows: string[][], column: string): KeyCheck | null {
  const index = columnIndex(header, column);
  if (index < 0) return null;
  let empty = 0;
  let tooLong = 0;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = (row[index] ?? "").trim();
    if (!key) {
      empty++;
      continue;
    }
    if (key.length > MAX_KEY_LENGTH) {
      tooLong++;
      continue;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, count]) => count > 1).map(([value, count]) => ({ value, count }));
  return { sampleSize: rows.length, empty, tooLong, repeated };
}

const MAX_LISTED = 3;

export function keyWarnings(header: string[], rows: string[][], column: string, fieldName = column): string[] {
  const check = checkKeyColumn(header, rows, column);
  if (!check) return [];
  const warnings: string[] = [];
  if (check.empty > 0) {
    const verb = check.empty === 1 ? "has" : "have";
    warnings.push(
      `${check.empty} of the ${check.sampleSize} sample rows ${verb} an empty ${fieldName}. Rows without a primary key are skipped.`,
    );
  }
  if (check.tooLong > 0) {
    const verb = check.tooLong === 1 ? "has" : "have";
    warnings.push(
      `${check.tooLong} of the ${check.sampleSize} sample rows ${verb} a ${fieldName} longer than ${MAX_KEY_LENGTH} characters. Those rows are skipped.`,
    );
  }
  if (check.repeated.length > 0) {
    const listed = check.repeated
      .slice(0, MAX_LISTED)
      .map((r) => `"${r.value}" (${r.count} times)`)
      .join(", ");
    const more = check.repeated.length > MAX_LISTED ? ` and ${check.repeated.length - MAX_LISTED} more` : "";
    warnings.push(
      `Some ${fieldName} values repeat in the sample: ${listed}${more}. When a key repeats, only the last row with it is kept.`,
    );
  }
  return warnings;
}
