// CSV text → header + data rows, with the header rules of the Sync API. Papaparse does the
// tokenising (commas, CRLF or LF, quoted fields with commas, quotes and newlines).
import Papa from "papaparse";
import { invalidCsv } from "../errors";
import { columnKey } from "./header";
import { MAX_COLUMNS, MAX_NAME_LENGTH, MAX_ROWS } from "./limits";
import { shorten } from "../text";

const CRLF = /\r\n/g;

export type ParsedCsv = {
  header: string[]; // trimmed field names
  rows: string[][]; // the first 10,000 data rows, each exactly header.length cells
  totalRows: number; // data rows seen (blank lines excluded)
  ignoredRows: number; // data rows beyond the first 10,000
};

// A blank line, or one of only commas and spaces, is not a row.
function isBlank(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i].trim() !== "") return false;
  return true;
}

function describeColumn(header: string[], index: number): string {
  const previous = index > 0 ? `, after "${header[index - 1]}"` : "";
  return `column ${index + 1}${previous}`;
}

export function validateHeader(header: string[]): void {
  if (header.length > MAX_COLUMNS) {
    throw invalidCsv(`The CSV has ${header.length} columns; at most ${MAX_COLUMNS} are supported.`);
  }
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === "") throw invalidCsv(`The header row has an empty field name (${describeColumn(header, index)}).`);
    if (name.length > MAX_NAME_LENGTH) {
      throw invalidCsv(`Field names can be at most ${MAX_NAME_LENGTH} characters; column ${index + 1} ("${shorten(name, 40)}") has ${name.length}.`);
    }
    const key = columnKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      throw invalidCsv(
        `Field names must be unique (ignoring case): "${header[first]}" (column ${first + 1}) and "${name}" (column ${index + 1}).`,
      );
    }
    seen.set(key, index);
  });
}

export function parseCsv(text: string): ParsedCsv {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Papaparse takes the line ending of the first line for the whole file, so mixed CRLF and LF would
  // merge rows. CRLF inside a quoted field becomes LF too, which no field type tells apart.
  const body = unmarked.includes("\r\n") ? unmarked.replace(CRLF, "\n") : unmarked;
  if (body.trim() === "") throw invalidCsv("The request body is empty: send a CSV with a header row.");
  const result = Papa.parse<string[]>(body, { header: false, delimiter: ",", skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    throw invalidCsv(`The CSV has a quoted field that is not closed properly (starting in CSV row ${(unclosed.row ?? 0) + 1}, counting the header).`);
  }
  const data = result.data;
  let at = 0;
  // Leading empty lines are skipped, but a header of only commas is an error (empty field names).
  while (at < data.length && data[at].length === 1 && data[at][0].trim() === "") at++;
  if (at === data.length) throw invalidCsv("The CSV has no header row.");
  const header = data[at].map((name) => name.trim());
  validateHeader(header);

  const width = header.length;
  const rows: string[][] = [];
  let totalRows = 0;
  for (let i = at + 1; i < data.length; i++) {
    const row = data[i];
    if (isBlank(row)) continue;
    totalRows++;
    if (totalRows > MAX_ROWS) continue;
    if (row.length > width) row.length = width;
    else while (row.length < width) row.push("");
    rows.push(row);
  }
  return { header, rows, totalRows, ignoredRows: totalRows - rows.length };
}
