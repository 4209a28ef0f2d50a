// CSV text → header + data rows, with the header rules of the Sync API. Papaparse does the
// tokenising (commas, CRLF or LF, quoted fields with commas, quotes and newlines).
import Papa from "papaparse";
import { invalidCsv } from "../errors";
import { syncLimits } from "../env";
import { columnKey } from "./header";
import { MAX_NAME_LENGTH, type SyncLimits } from "./limits";
import { shorten } from "../text";

const CRLF = /\r\n/g;

export type ParsedCsv = {
  header: string[]; // trimmed field names
  rows: string[][]; // the first maxRows data rows (10,000 by default), each exactly header.length cells
  totalRows: number; // data rows seen (blank lines excluded)
  ignoredRows: number; // data rows beyond the first maxRows
};

// The configured limits (SYNC_MAX_ROWS, SYNC_MAX_COLUMNS) unless a caller passes others.
export type CsvLimits = Pick<SyncLimits, "maxRows" | "maxColumns">;

// A blank line, or one of only commas and spaces, is not a row.
export function isBlank(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i].trim() !== "") return false;
  return true;
}

function describeColumn(header: string[], index: number): string {
  const previous = index > 0 ? `, after "${header[index - 1]}"` : "";
  return `column ${index + 1}${previous}`;
}

export function validateHeader(header: string[], maxColumns: number = syncLimits.maxColumns): void {
  if (header.length > maxColumns) {
    throw invalidCsv(`The CSV has ${header.length} columns; at most ${maxColumns.toLocaleString("en-US")} are supported.`);
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

// The text the parser reads: no BOM, LF line endings. Papaparse takes the line ending of the first
// line for the whole file, so mixed CRLF and LF would merge rows. CRLF inside a quoted field
// becomes LF too, which no field type tells apart.
export function csvBody(text: string): string {
  const unmarked = unmarkedBody(text);
  return unmarked.includes("\r\n") ? unmarked.replace(CRLF, "\n") : unmarked;
}

// The text without its BOM; an empty (or blank) body is refused.
export function unmarkedBody(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!NOT_BLANK.test(unmarked)) throw invalidCsv("The request body is empty: send a CSV with a header row.");
  return unmarked;
}

const NOT_BLANK = /\S/;

export const PARSE_OPTIONS = { header: false, delimiter: ",", skipEmptyLines: false } as const;

export function unclosedQuote(row: number): never {
  throw invalidCsv(`The CSV has a quoted field that is not closed properly (starting in CSV row ${row + 1}, counting the header).`);
}

// Leading empty lines are skipped, but a header of only commas is an error (empty field names).
export const isLeadingEmpty = (row: string[]) => row.length === 1 && row[0].trim() === "";

export const noHeader = () => invalidCsv("The CSV has no header row.");

export function parseCsv(text: string, limits: CsvLimits = syncLimits): ParsedCsv {
  const body = csvBody(text);
  const result = Papa.parse<string[]>(body, PARSE_OPTIONS);
  const unclosed = result.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) unclosedQuote(unclosed.row ?? 0);
  const data = result.data;
  let at = 0;
  while (at < data.length && isLeadingEmpty(data[at])) at++;
  if (at === data.length) throw noHeader();
  const header = data[at].map((name) => name.trim());
  validateHeader(header, limits.maxColumns);

  const width = header.length;
  const rows: string[][] = [];
  let totalRows = 0;
  for (let i = at + 1; i < data.length; i++) {
    const row = data[i];
    if (isBlank(row)) continue;
    totalRows++;
    if (totalRows > limits.maxRows) continue;
    if (row.length > width) row.length = width;
    else while (row.length < width) row.push("");
    rows.push(row);
  }
  return { header, rows, totalRows, ignoredRows: totalRows - rows.length };
}
