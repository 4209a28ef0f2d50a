// The pure half of a sync: CSV rows → one entry per primary key with its coerced cells, plus the
// problems to report. No I/O; the engine diffs these rows against the table and applies them.
import { headerPositions } from "../csv/header";
import { invalidCsv } from "../errors";
import { getFieldTypeModule } from "../fields/registry";
import type { CellValue, FieldOptions, FieldType, FieldTypeModule } from "../fields/types";

export type PlanField = { id: string; column: string; type: FieldType; options: FieldOptions };
export type SyncProblem = { row: number; column: string; value: string; reason: string };
export type SyncRow = { key: string; cells: Record<string, CellValue>; row: number };
export type SyncRows = {
  rows: SyncRow[]; // one per key, in the order of the row that won
  skipped: number; // rows with an empty primary key
  duplicates: number; // earlier rows replaced by a later row with the same key
  problems: SyncProblem[]; // the first MAX_PROBLEMS
  problemCount: number; // all of them
};

export const MAX_PROBLEMS = 1_000;
// A problem quotes the offending text, shortened so one huge cell cannot bloat the run record.
const MAX_PROBLEM_VALUE = 200;

type BoundField = { id: string; index: number; column: string; module: FieldTypeModule; options: FieldOptions };

export function buildSyncRows(input: {
  header: string[];
  rows: string[][];
  fields: PlanField[];
  keyColumn: string;
}): SyncRows {
  const { header, rows, fields, keyColumn } = input;
  const positions = headerPositions(header);
  const keyIndex = positions.get(keyColumn.trim().toLowerCase()) ?? -1;
  if (keyIndex < 0) throw invalidCsv(`The primary key column "${keyColumn}" is missing from the CSV header.`);
  const keyName = header[keyIndex];

  // Resolve columns and modules once, not per cell. A field whose column is absent has no cells.
  const bound: BoundField[] = [];
  for (const f of fields) {
    const index = positions.get(f.column.trim().toLowerCase());
    if (index !== undefined) bound.push({ id: f.id, index, column: header[index], module: getFieldTypeModule(f.type), options: f.options ?? {} });
  }

  const problems: SyncProblem[] = [];
  let problemCount = 0;
  const report = (row: number, column: string, value: string, reason: string) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) {
      const shown = value.length > MAX_PROBLEM_VALUE ? `${value.slice(0, MAX_PROBLEM_VALUE)}…` : value;
      problems.push({ row, column, value: shown, reason });
    }
  };

  const byKey = new Map<string, SyncRow>();
  let skipped = 0;
  let duplicates = 0;
  for (let r = 0; r < rows.length; r++) {
    const cellsText = rows[r];
    const rowNumber = r + 1;
    const key = (cellsText[keyIndex] ?? "").trim();
    if (key === "") {
      skipped++;
      report(rowNumber, keyName, "", "empty primary key");
      continue;
    }
    const cells: Record<string, CellValue> = {};
    for (const f of bound) {
      const text = cellsText[f.index] ?? "";
      if (text === "") continue;
      const result = f.module.parse(text, f.options);
      if (!result.ok) report(rowNumber, f.column, text, result.reason);
      else if (result.value !== undefined) cells[f.id] = result.value;
    }
    const earlier = byKey.get(key);
    if (earlier) {
      duplicates++;
      report(earlier.row, keyName, key, "duplicate primary key, a later row wins");
      byKey.delete(key); // re-inserted below, so rows stay in the order of the winning rows
    }
    byKey.set(key, { key, cells, row: rowNumber });
  }

  return { rows: [...byKey.values()], skipped, duplicates, problems, problemCount };
}
