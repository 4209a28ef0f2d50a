// The pure half of a sync: CSV rows → one entry per primary key with its coerced cells encoded as
// stored (lib/records/cells.ts), plus the problems to report. No I/O; the engine streams the rows
// into the database and merges them there.
//
// Two passes. The first reads only the keys: it drops rows whose key is empty or too long
// (MAX_KEY_LENGTH) and picks the winner of each duplicate key (the last row). The second coerces
// the winning rows' cells, on demand, so that the database takes in the first rows while Node is
// still coercing later ones. In between, a re-sync can take the rows' fingerprints
// (fingerprint.ts) and coerce only the rows whose fingerprint differs from the stored one.
import { columnKey, headerPositions } from "../../csv/header";
import { invalidCsv } from "../../errors";
import { getFieldTypeModule } from "../../fields/registry";
import { isParseFailure, type FieldOptions, type FieldType, type FieldTypeModule } from "../../fields/types";
import { encodeCellValue, slotPrefix } from "../../records/cells";
import { shorten } from "../../text";
import { MAX_KEY_LENGTH } from "../../csv/limits";
import { CsvRows } from "../../csv/rows";
import { fingerprintLine, fingerprintRow, fingerprintSeed } from "./fingerprint";

export type PlanField = { id: string; column: string; type: FieldType; options: FieldOptions; slot: number };
// `key`: the record the problem belongs to (absent when the row has no usable key).
export type SyncProblem = { row: number; column: string; value: string; reason: string; key?: string };
// `cells`: the stored JSON text of the record's cells; `fingerprint`: null when a cell of the row
// had a problem.
export type EncodedRow = { key: string; cells: string; fingerprint: number | null };
export type RowFingerprint = { key: string; fingerprint: number };

export type SyncPlan = {
  size: number; // rows to write: one per key
  skipped: number; // rows with an empty or too long primary key
  duplicates: number; // earlier rows replaced by a later row with the same key
  // Every row to write with its fingerprint, in CSV order (computed once, then kept).
  fingerprints(): RowFingerprint[];
  // The rows to write (those whose key passes `only`, if given), in CSV order, coerced as they
  // are taken. One pass only: rows left out have no problems to report (see fingerprint.ts).
  rows(only?: (key: string) => boolean): Generator<EncodedRow>;
  // The first MAX_PROBLEMS problems in row order, and how many there are; complete once rows()
  // has been consumed.
  problems(): { problems: SyncProblem[]; problemCount: number };
};

export const MAX_PROBLEMS = 1_000;
// A problem quotes the offending text, shortened so one huge cell cannot bloat the run record.
const MAX_PROBLEM_VALUE = 200;

type BoundField = { index: number; column: string; prefix: string; module: FieldTypeModule; options: FieldOptions };

const problem = (row: number, column: string, value: string, reason: string, key?: string): SyncProblem => ({
  row,
  column,
  value: shorten(value, MAX_PROBLEM_VALUE),
  reason,
  ...(key ? { key } : {}),
});

// `rows`: as scanned (lib/csv/scan.ts), or as cells.
export function planSync(input: { header: string[]; rows: CsvRows | readonly string[][]; fields: PlanField[]; keyColumn: string }): SyncPlan {
  const { header, fields, keyColumn } = input;
  const rows = input.rows instanceof CsvRows ? input.rows : CsvRows.fromArrays(input.rows, header.length);
  const positions = headerPositions(header);
  const keyIndex = positions.get(columnKey(keyColumn)) ?? -1;
  if (keyIndex < 0) throw invalidCsv(`The primary key column "${keyColumn}" is missing from the CSV header.`);
  const keyName = header[keyIndex];

  // Pass 1: keys. Problems of this pass are few (at most one per row): all are kept, then sorted.
  const keys: string[] = new Array(rows.length);
  const lastRowOfKey = new Map<string, number>();
  const keyProblems: SyncProblem[] = [];
  let skipped = 0;
  let duplicates = 0;
  for (let r = 0; r < rows.length; r++) {
    const key = rows.cell(r, keyIndex).trim();
    keys[r] = key;
    if (key === "" || key.length > MAX_KEY_LENGTH) {
      skipped++;
      keyProblems.push(problem(r + 1, keyName, key, key === "" ? "empty primary key" : `primary key longer than ${MAX_KEY_LENGTH} characters`));
      continue;
    }
    const earlier = lastRowOfKey.get(key);
    if (earlier !== undefined) {
      duplicates++;
      keyProblems.push(problem(earlier + 1, keyName, key, "duplicate primary key, a later row wins", key));
    }
    lastRowOfKey.set(key, r);
  }
  keyProblems.sort((a, b) => a.row - b.row);

  const winners: number[] = [];
  for (let r = 0; r < rows.length; r++) if (lastRowOfKey.get(keys[r]) === r) winners.push(r);

  // Columns and modules resolved once, in slot order (the stored order). A field whose column is
  // absent from the header has no cells.
  const bound: BoundField[] = [];
  // The fingerprint reads every field's text; a field without a column reads past the end of the
  // row: an empty text.
  const textIndexes: number[] = [];
  const inSlotOrder = [...fields].sort((a, b) => a.slot - b.slot);
  for (const f of inSlotOrder) {
    const index = positions.get(columnKey(f.column));
    textIndexes.push(index ?? header.length);
    if (index === undefined) continue;
    bound.push({ index, column: header[index], prefix: slotPrefix(f.slot), module: getFieldTypeModule(f.type), options: f.options ?? {} });
  }
  const seed = fingerprintSeed(inSlotOrder.map((f) => ({ slot: f.slot, type: f.type, options: f.options ?? {} })));
  let fingerprints: number[] | null = null;
  const width = header.length;
  const fingerprintAt = (w: number) => {
    const span = rows.span(winners[w]);
    return span ? fingerprintLine(seed, span.text, span.start, span.end, textIndexes, width) : fingerprintRow(seed, rows.cells(winners[w]), textIndexes);
  };

  // Pass 2, on demand: cells of the winning rows.
  const cellProblems: SyncProblem[] = [];
  let cellProblemCount = 0;
  let consumed = false;
  function* encodedRows(only?: (key: string) => boolean): Generator<EncodedRow> {
    if (consumed) throw new Error("A sync plan's rows can be taken only once.");
    consumed = true;
    for (let w = 0; w < winners.length; w++) {
      const r = winners[w];
      const key = keys[r];
      if (only && !only(key)) continue;
      const cellsText = rows.cells(r);
      const problemsBefore = cellProblemCount;
      let cells = "";
      for (let b = 0; b < bound.length; b++) {
        const f = bound[b];
        const text = cellsText[f.index] ?? "";
        if (text === "") continue;
        const value = f.module.parse(text, f.options);
        if (value === undefined) continue;
        if (isParseFailure(value)) {
          if (cellProblemCount++ < MAX_PROBLEMS) cellProblems.push(problem(r + 1, f.column, text, value.reason, key));
        } else {
          cells += (cells === "" ? "{" : ",") + f.prefix + encodeCellValue(value);
        }
      }
      const fingerprint = cellProblemCount === problemsBefore ? (fingerprints?.[w] ?? fingerprintRow(seed, cellsText, textIndexes)) : null;
      yield { key, cells: cells === "" ? "{}" : `${cells}}`, fingerprint };
    }
  }

  return {
    size: winners.length,
    skipped,
    duplicates,
    fingerprints() {
      fingerprints ??= winners.map((_, w) => fingerprintAt(w));
      return winners.map((r, w) => ({ key: keys[r], fingerprint: fingerprints![w] }));
    },
    rows: encodedRows,
    problems() {
      const merged = [...keyProblems.slice(0, MAX_PROBLEMS), ...cellProblems].sort((a, b) => a.row - b.row);
      return { problems: merged.slice(0, MAX_PROBLEMS), problemCount: keyProblems.length + cellProblemCount };
    },
  };
}
