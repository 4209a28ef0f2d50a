import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { buildSyncRows, MAX_PROBLEMS, type PlanField } from "./plan";

const fields: PlanField[] = [
  { id: "fldKey", column: "SKU", type: "singleLineText", options: {} },
  { id: "fldPrice", column: "price", type: "currency", options: { symbol: "$", precision: 2 } },
  { id: "fldWhen", column: "When", type: "date", options: { dateFormat: "us" } },
];
const header = ["sku", "Price", "when", "ignored"];

describe("buildSyncRows", () => {
  it("keys cells by field id, matches columns case-insensitively, leaves empty cells out", () => {
    const plan = buildSyncRows({
      header,
      rows: [["  A1 ", "$5.50", "3/14/2025", "x"], ["B2", "", "", "y"]],
      fields,
      keyColumn: "SKU",
    });
    expect(plan).toEqual({
      rows: [
        { key: "A1", row: 1, cells: { fldKey: "A1", fldPrice: 5.5, fldWhen: "2025-03-14" } },
        { key: "B2", row: 2, cells: { fldKey: "B2" } },
      ],
      skipped: 0,
      duplicates: 0,
      problems: [],
      problemCount: 0,
    });
  });

  it("skips and reports rows with an empty key", () => {
    const plan = buildSyncRows({ header, rows: [["", "$1", "", ""], ["  ", "$2", "", ""], ["C", "$3", "", ""]], fields, keyColumn: "sku" });
    expect(plan.rows.map((r) => r.key)).toEqual(["C"]);
    expect(plan.skipped).toBe(2);
    expect(plan.problems).toEqual([
      { row: 1, column: "sku", value: "", reason: "empty primary key" },
      { row: 2, column: "sku", value: "", reason: "empty primary key" },
    ]);
  });

  it("lets the last row win for a repeated key and reports the earlier ones", () => {
    const plan = buildSyncRows({
      header,
      rows: [["A", "$1", "", ""], ["B", "$2", "", ""], ["A ", "$3", "", ""], ["A", "$4", "", ""]],
      fields,
      keyColumn: "sku",
    });
    expect(plan.rows).toEqual([
      { key: "B", row: 2, cells: { fldKey: "B", fldPrice: 2 } },
      { key: "A", row: 4, cells: { fldKey: "A", fldPrice: 4 } },
    ]);
    expect(plan.duplicates).toBe(2);
    expect(plan.problems).toEqual([
      { row: 1, column: "sku", value: "A", reason: "duplicate primary key, a later row wins" },
      { row: 3, column: "sku", value: "A", reason: "duplicate primary key, a later row wins" },
    ]);
  });

  it.each([
    ["price", "twelve", "not a currency amount", "fldPrice"],
    ["when", "2025-02-30", "not a date in M/D/YYYY or YYYY-MM-DD", "fldWhen"],
    ["when", "14/3/2025", "not a date in M/D/YYYY or YYYY-MM-DD", "fldWhen"],
  ])("reports a %s of %j (%s) and leaves the cell empty", (column, value, reason, fieldId) => {
    const row = ["K", "", "", ""];
    row[header.findIndex((h) => h.toLowerCase() === column)] = value;
    const plan = buildSyncRows({ header, rows: [row], fields, keyColumn: "sku" });
    expect(plan.rows[0].cells[fieldId]).toBeUndefined();
    expect(plan.rows[0].cells.fldKey).toBe("K");
    expect(plan.problems).toEqual([{ row: 1, column: header.find((h) => h.toLowerCase() === column), value, reason }]);
  });

  it("caps the problem list at 1,000 but counts them all", () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => [`k${i}`, "bad", "bad", ""]);
    const plan = buildSyncRows({ header, rows, fields, keyColumn: "sku" });
    expect(plan.problems).toHaveLength(MAX_PROBLEMS);
    expect(plan.problemCount).toBe(3_000);
    expect(plan.problems[999]).toMatchObject({ row: 500, column: "when" });
    expect(plan.rows).toHaveLength(1_500);
  });

  it("shortens a huge offending value in the problem", () => {
    const plan = buildSyncRows({ header, rows: [["K", "x".repeat(5_000), "", ""]], fields, keyColumn: "sku" });
    expect(plan.problems[0].value).toHaveLength(201);
  });

  it("leaves out fields whose column is not in the CSV", () => {
    const plan = buildSyncRows({ header: ["sku"], rows: [["A"]], fields, keyColumn: "sku" });
    expect(plan.rows).toEqual([{ key: "A", row: 1, cells: { fldKey: "A" } }]);
  });

  it("refuses a CSV without the key column", () => {
    expect(() => buildSyncRows({ header: ["price"], rows: [], fields, keyColumn: "sku" })).toThrow(ApiError);
  });
});
