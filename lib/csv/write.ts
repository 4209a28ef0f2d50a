import Papa from "papaparse";

// Header + rows of cell text → CSV (CRLF, fields quoted only when needed). Formula escaping stays
// off so the download posts back to the sync unchanged.
export function writeCsv(header: string[], rows: string[][]): string {
  return Papa.unparse({ fields: header, data: rows }, { newline: "\r\n", escapeFormulae: false, quotes: false });
}
