// How CSV columns are compared: a column is named by its header text, and two names are the same
// column when they are equal ignoring case and the spaces around them. The contract's header rule
// is "field names unique case-insensitively"; parseCsv trims every header cell, so " Price " in a
// header IS the column "Price", and a configuration (which may come from the API with spaces) has
// to be matched the same way. Every column comparison, in the engine, the wizard and the
// configuration schema, goes through columnKey. No server imports: the wizard uses these too.

export function columnKey(column: string): string {
  return column.trim().toLowerCase();
}

export const sameColumn = (a: string, b: string) => columnKey(a) === columnKey(b);

// Position of `column` in the header, -1 if absent.
export function columnIndex(header: string[], column: string): number {
  const wanted = columnKey(column);
  for (let i = 0; i < header.length; i++) if (columnKey(header[i]) === wanted) return i;
  return -1;
}

// columnKey → position, for looking up many columns at once (500 × 500 otherwise).
export function headerPositions(header: string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = columnKey(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  return positions;
}
