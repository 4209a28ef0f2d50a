// The benches' generated CSV: an `id` key and 19 more columns in a realistic mix (a few numbers, a
// date, a currency, the rest text), the same for the sync bench (over HTTP) and the scan bench (CPU only).
export const COLUMNS = 20;

export const HEADER = ["id", ...Array.from({ length: COLUMNS - 1 }, (_, i) => `col${i + 1}`)];

export const FIELDS: { column: string; type: string; options?: Record<string, unknown> }[] = HEADER.map((column, i) => {
  if (i >= 1 && i <= 3) return { column, type: "number", options: { precision: 2 } };
  if (i === 4) return { column, type: "date", options: { dateFormat: "iso" } };
  if (i === 5) return { column, type: "currency", options: { symbol: "$", precision: 2 } };
  return { column, type: "singleLineText" };
});

// The text of one cell; `version` changes every column but the key.
function cell(row: number, col: number, version: number): string {
  if (col === 0) return `SKU-${String(row).padStart(6, "0")}`;
  if (col <= 3) return ((row * 7 + col * 13 + version) % 10_000 / 100).toFixed(2);
  if (col === 4) return `2025-${String((row % 12) + 1).padStart(2, "0")}-${String((row % 28) + 1).padStart(2, "0")}`;
  if (col === 5) return `$${((row * 3 + version) % 5000).toFixed(2)}`;
  return `v${version}r${row}c${col}`;
}

// `changedEvery`: every n-th row gets new values; `removedEvery`: every n-th row is left out.
export function buildCsv(rows: number, options: { version?: number; changedEvery?: number; removedEvery?: number; offset?: number } = {}): string {
  const lines = [HEADER.join(",")];
  for (let r = 0; r < rows; r++) {
    if (options.removedEvery && (r + (options.offset ?? 0)) % options.removedEvery === 0) continue;
    const changed = options.changedEvery && (r + (options.offset ?? 0) + 1) % options.changedEvery === 0;
    lines.push(HEADER.map((_, c) => cell(r, c, changed ? (options.version ?? 1) : 0)).join(","));
  }
  return lines.join("\n") + "\n";
}
