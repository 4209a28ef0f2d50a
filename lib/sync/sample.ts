import Papa from "papaparse";

// The first data rows of a stored CSV without parsing all of it (the wizard polls the status):
// same rules as lib/csv/parse.ts for blank lines and ragged rows. (Preview may count skipped blank
// lines, hence the margin.)
export function sampleCsvRows(body: string, width: number, count: number): string[][] {
  const result = Papa.parse<string[]>(body, { delimiter: ",", skipEmptyLines: "greedy", preview: count * 2 + 10 });
  return result.data.slice(1, count + 1).map((row) => {
    const cells = row.slice(0, width);
    while (cells.length < width) cells.push("");
    return cells;
  });
}
