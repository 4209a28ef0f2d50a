// The grid's CSV download is posted back to the sync and must change nothing: for every type,
// parse(toCsv(value)) is exactly the stored value, also through a real CSV file and the plan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse";
import { writeCsv } from "../csv/write";
import { cellsByFieldId } from "../records/cells";
import { planSync, type PlanField } from "../sync/engine/plan";
import { cellToCsv, coerceCell } from "./registry";
import type { CellValue, FieldOptions, FieldType } from "./types";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0));
const money = fc.oneof(finite, fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100));
const precision = fc.integer({ min: 0, max: 8 });
const symbol = fc.constantFrom("$", "€", "£", "¥", "R$", "US$", "kr", "CHF", "Fr.", "zł");
const isoDate = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ unit: "grapheme", maxLength: 40 });
const phone = fc
  .tuple(fc.constantFrom("", "+1 ", "+44 "), fc.stringMatching(/^\d{3}[ .-]\d{3}[ .-]\d{4}$/), fc.constantFrom("", " ext. 12", " x9"))
  .map((parts) => parts.join(""));

type Case = { type: FieldType; values: fc.Arbitrary<[CellValue, FieldOptions]> };

// Text types store the parsed form of arbitrary text, so start from what parse keeps.
const storedText = (type: FieldType) =>
  text
    .map((t) => coerceCell(type, {}, t))
    .filter((r) => r.ok && r.value !== undefined)
    .map((r) => [(r as { value: CellValue }).value, {}] as [CellValue, FieldOptions]);

const cases: Case[] = [
  { type: "singleLineText", values: storedText("singleLineText") },
  { type: "multilineText", values: storedText("multilineText") },
  { type: "email", values: fc.emailAddress().map((v) => [v, {}]) },
  { type: "url", values: fc.webUrl({ withQueryParameters: true, withFragments: true }).map((v) => [v, {}]) },
  { type: "phoneNumber", values: phone.map((v) => [v, {}]) },
  { type: "number", values: fc.tuple(finite, precision).map(([v, p]) => [v, { precision: p }]) },
  { type: "currency", values: fc.tuple(money, symbol, precision).map(([v, s, p]) => [v, { symbol: s, precision: p }]) },
  { type: "percent", values: fc.tuple(fc.oneof(finite, fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100)), precision).map(([v, p]) => [v, { precision: p }]) },
  {
    type: "duration",
    values: fc
      .tuple(fc.oneof(finite, fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }).map((n) => n / 1000)), fc.constantFrom("h:mm", "h:mm:ss", "h:mm:ss.S", "h:mm:ss.SS", "h:mm:ss.SSS") as fc.Arbitrary<FieldOptions["durationFormat"]>)
      .map(([v, f]) => [v, { durationFormat: f }]),
  },
  { type: "date", values: fc.tuple(isoDate, fc.constantFrom("us", "european", "iso") as fc.Arbitrary<FieldOptions["dateFormat"]>).map(([v, f]) => [v, { dateFormat: f }]) },
];

describe("toCsv → parse gives back the stored value", () => {
  it.each(cases.map((c) => [c.type, c]))("%s", (type, { values }) => {
    fc.assert(
      fc.property(values, ([value, options]) => {
        const result = coerceCell(type, options, cellToCsv(type, options, value));
        expect(result.ok).toBe(true);
        expect(Object.is((result as { value: CellValue }).value, value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["number", 0.1 + 0.2, {}, "0.30000000000000004"],
    ["number", 1e21, {}, "1000000000000000000000"],
    ["number", 4.5e-7, {}, "0.00000045"],
    ["currency", -1234.5, {}, "-$1,234.50"],
    ["currency", 1234.567, { precision: 2 }, "$1,234.567"],
    ["currency", 5, { symbol: "CHF", precision: 0 }, "CHF 5"],
    ["percent", 0.45, {}, "45%"],
    ["percent", 0.07, {}, "7%"],
    ["percent", 0.001, {}, "0.1%"],
    ["duration", 5400, {}, "1:30"],
    ["duration", 3909, {}, "1:05:09"],
    ["duration", 3600.1, {}, "1:00:00.1"],
    ["duration", -90, {}, "-0:01:30"],
    ["date", "2025-03-14", { dateFormat: "european" }, "2025-03-14"],
  ] as [FieldType, CellValue, FieldOptions, string][])("%s %j is written as %j", (type, value, options, csv) => {
    expect(cellToCsv(type, options, value)).toBe(csv);
  });
});

describe("a downloaded CSV synced back changes nothing", () => {
  it("through writeCsv, parseCsv and planSync", () => {
    const row = fc.tuple(...cases.map((c) => c.values.map(([v]) => v)));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (records) => {
        const fields: PlanField[] = cases.map((c, i) => ({ id: `fld${i}`, column: c.type, type: c.type, options: {}, slot: i + 2 }));
        const keyed = records.map((cells, i) => [String(i + 1), ...cells] as CellValue[]);
        const header = ["key", ...fields.map((f) => f.column)];
        const keyField: PlanField = { id: "fldKey", column: "key", type: "singleLineText", options: {}, slot: 1 };
        const csv = writeCsv(header, keyed.map((cells) => cells.map((v, i) => (i === 0 ? String(v) : cellToCsv(fields[i - 1].type, {}, v)))));
        const parsed = parseCsv(csv);
        const plan = planSync({ header: parsed.header, rows: parsed.rows, fields: [keyField, ...fields], keyColumn: "key" });
        const rows = [...plan.rows()].map((r) => ({ cells: cellsByFieldId(JSON.parse(r.cells), fields) }));
        expect(plan.problems().problemCount).toBe(0);
        expect(rows).toHaveLength(records.length);
        rows.forEach((r, i) => {
          fields.forEach((f, j) => expect(Object.is(r.cells[f.id], records[i][j])).toBe(true));
        });
      }),
      { numRuns: 100 },
    );
  });
});
