// CSV text → header + data rows, like parseCsv (the same parser, rules and errors), with the rows
// kept as positions in the text (rows.ts) instead of parsed cells: what the sync engine reads.
import Papa from "papaparse";
import { syncLimits } from "../env";
import { csvBody, isBlank, isLeadingEmpty, noHeader, PARSE_OPTIONS, unclosedQuote, unmarkedBody, validateHeader, type CsvLimits } from "./parse";
import { CsvRows, fitWidth, splitLine, type RowPositions } from "./rows";

export type ScannedCsv = {
  header: string[]; // trimmed field names
  rows: CsvRows; // the first maxRows data rows
  totalRows: number; // data rows seen (blank lines excluded)
  ignoredRows: number; // data rows beyond the first maxRows
};

export function scanCsv(text: string, limits: CsvLimits = syncLimits): ScannedCsv {
  return scanPlain(unmarkedBody(text), limits) ?? scanWithParser(csvBody(text), limits);
}

// Papaparse reads a CSV without quotes, its CRLFs made LFs (csvBody), by splitting it on "\n"
// and each line on ",": this finds the same lines in the text as it is, without making their cells
// or a copy of the text with LFs (each a fifth of the scan or more).
function scanPlain(body: string, limits: CsvLimits): ScannedCsv | null {
  if (body.includes('"') || hasLoneCr(body)) return null;
  let header: string[] | null = null;
  const starts: number[] = [];
  const ends: number[] = [];
  let totalRows = 0;
  for (let at = 0; at <= body.length; ) {
    const next = body.indexOf("\n", at);
    let end = next < 0 ? body.length : next;
    if (end > at && body.charCodeAt(end - 1) === CR) end--;
    if (!header) {
      const row = body.slice(at, end).split(",");
      if (!isLeadingEmpty(row)) header = row.map((name) => name.trim());
    } else if (!isBlankLine(body, at, end)) {
      totalRows++;
      if (totalRows <= limits.maxRows) {
        starts.push(at);
        ends.push(end);
      }
    }
    at = next < 0 ? body.length + 1 : next + 1;
  }
  return scanned(body, header, { starts, ends, kept: new Map(), quoted: new Set() }, totalRows, limits);
}

// What both ways of scanning end with: the header checked, the rows kept.
function scanned(body: string, header: string[] | null, rows: RowPositions, totalRows: number, limits: CsvLimits): ScannedCsv {
  if (!header) throw noHeader();
  validateHeader(header, limits.maxColumns);
  return { header, rows: new CsvRows(body, rows, header.length), totalRows, ignoredRows: totalRows - rows.starts.length };
}

const CR = 13;

// A CR that does not start a CRLF: papaparse would take it for the line break (see csvBody).
function hasLoneCr(body: string): boolean {
  for (let at = body.indexOf("\r"); at >= 0; at = body.indexOf("\r", at + 2)) if (body.charCodeAt(at + 1) !== 10) return true;
  return false;
}

// Only commas and white space (what String.prototype.trim removes, which is what \s matches).
const BLANK = /^[\s,]*$/;

// isBlank for a line of the text, without splitting it: most lines start with a visible character.
function isBlankLine(body: string, start: number, end: number): boolean {
  const first = body.charCodeAt(start);
  if (start < end && first > 32 && first < 127 && first !== 44) return false;
  return BLANK.test(body.slice(start, end));
}

function scanWithParser(body: string, limits: CsvLimits): ScannedCsv {
  let header: string[] | null = null;
  const starts: number[] = [];
  const ends: number[] = [];
  const kept = new Map<number, string[]>();
  const quoted = new Set<number>();
  let nextQuote = body.indexOf('"');
  let step = 0;
  let unclosed = -1;
  let start = 0;
  let totalRows = 0;
  Papa.parse<string[]>(body, {
    ...PARSE_OPTIONS,
    step: (result) => {
      const row = result.data;
      const cursor = result.meta.cursor;
      const rowStart = start;
      start = cursor;
      if (unclosed < 0 && result.errors.some((e) => e.code === "MissingQuotes")) unclosed = step;
      step++;
      if (!header) {
        if (!isLeadingEmpty(row)) header = row.map((name) => name.trim());
        return;
      }
      if (isBlank(row)) return;
      totalRows++;
      if (totalRows > limits.maxRows) return;
      const linebreak = result.meta.linebreak;
      const end = linebreak && body.startsWith(linebreak, cursor - linebreak.length) ? cursor - linebreak.length : cursor;
      const r = starts.length;
      starts.push(rowStart);
      ends.push(end);
      // A row with quotes is split again later only if the plain splitter reads it as the parser did.
      if (nextQuote >= 0 && nextQuote < rowStart) nextQuote = body.indexOf('"', rowStart);
      if (nextQuote < 0 || nextQuote >= end) return;
      if (sameCells(splitLine(body.slice(rowStart, end)), row)) quoted.add(r);
      else kept.set(r, fitWidth(row, header.length));
    },
  });
  if (unclosed >= 0) unclosedQuote(unclosed);
  return scanned(body, header, { starts, ends, kept, quoted }, totalRows, limits);
}

function sameCells(split: string[] | null, parsed: string[]): boolean {
  if (!split || split.length !== parsed.length) return false;
  for (let i = 0; i < split.length; i++) if (split[i] !== parsed[i]) return false;
  return true;
}
