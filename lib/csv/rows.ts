// A CSV's data rows kept as positions in its text rather than as parsed cells: a 200,000 × 20 CSV
// parsed whole is 4,000,000 strings that all live until the sync ends (and that every garbage
// collection of the young generation copies); kept this way it is two numbers a row, and a row's
// cells are split again, as short-lived strings, only when they are read. A row the plain
// splitter cannot read exactly as the parser did (see splitLine) keeps its parsed cells instead.

// Where each row starts and ends in the text; the rows that keep their parsed cells, and the other
// rows that hold quotes.
export type RowPositions = { starts: number[]; ends: number[]; kept: Map<number, string[]>; quoted: Set<number> };

export class CsvRows {
  readonly #text: string;
  readonly #starts: number[];
  readonly #ends: number[];
  // Cells as parsed, for the rows that keep them (already `width` long).
  readonly #kept: Map<number, string[]>;
  // The other rows that hold quotes (split with splitLine).
  readonly #quoted: Set<number>;
  readonly width: number;

  constructor(text: string, rows: RowPositions, width: number) {
    this.#text = text;
    this.#starts = rows.starts;
    this.#ends = rows.ends;
    this.#kept = rows.kept;
    this.#quoted = rows.quoted;
    this.width = width;
  }

  // Rows given as cells (tests, and callers that parsed the CSV whole).
  static fromArrays(rows: readonly string[][], width: number): CsvRows {
    const kept = new Map<number, string[]>();
    rows.forEach((row, r) => kept.set(r, fitWidth([...row], width)));
    const zeros = () => new Array<number>(rows.length).fill(0);
    return new CsvRows("", { starts: zeros(), ends: zeros(), kept, quoted: new Set() }, width);
  }

  get length(): number {
    return this.#starts.length;
  }

  // The row's cells, exactly `width` of them.
  cells(r: number): string[] {
    const kept = this.#kept.get(r);
    if (kept) return kept;
    const line = this.#text.slice(this.#starts[r], this.#ends[r]);
    return fitWidth(this.#quoted.has(r) ? splitLine(line)! : line.split(","), this.width);
  }

  // One cell, without splitting the rest of a plain row.
  cell(r: number, index: number): string {
    if (index >= this.width) return "";
    const kept = this.#kept.get(r);
    if (kept) return kept[index];
    const text = this.#text;
    const end = this.#ends[r];
    let start = this.#starts[r];
    if (this.#quoted.has(r)) return this.cells(r)[index];
    for (let i = 0; i < index; i++) {
      const comma = text.indexOf(",", start);
      if (comma < 0 || comma >= end) return "";
      start = comma + 1;
    }
    const comma = text.indexOf(",", start);
    return text.slice(start, comma < 0 || comma >= end ? end : comma);
  }

  // A plain row (no quotes) as its span of the text, for reading texts without making strings;
  // null for a row that has quotes or keeps its cells.
  span(r: number): { text: string; start: number; end: number } | null {
    if (this.#kept.has(r) || this.#quoted.has(r)) return null;
    return { text: this.#text, start: this.#starts[r], end: this.#ends[r] };
  }
}

const QUOTE = 34;

// A row cut or padded with empty cells to `width` (in place).
export function fitWidth(row: string[], width: number): string[] {
  if (row.length > width) row.length = width;
  else while (row.length < width) row.push("");
  return row;
}

// Splits one row that holds quotes, for the rows a CSV writer produces: every field either
// unquoted without quotes, or quoted whole with its quotes doubled, commas between. Anything else
// (text after a closing quote, a quote inside an unquoted field) returns null: such a row keeps
// the parser's own cells, so that its reading never depends on this splitter.
export function splitLine(line: string): string[] | null {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (line.charCodeAt(at) === QUOTE) {
      let value = "";
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return null;
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      cells.push(value);
      if (at === line.length) return cells;
      if (line.charCodeAt(at) !== 44) return null;
      at++;
    } else {
      const comma = line.indexOf(",", at);
      const value = comma < 0 ? line.slice(at) : line.slice(at, comma);
      if (value.includes('"')) return null;
      cells.push(value);
      if (comma < 0) return cells;
      at = comma + 1;
    }
  }
}
