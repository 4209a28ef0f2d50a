import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { cellsByFieldId } from "../../records/cells";
import { MAX_KEY_LENGTH } from "../../csv/limits";
import { MAX_PROBLEMS, planSync, type PlanField } from "./plan";

// Slots deliberately not in field order: cells are stored in slot order.
const fields: PlanField[] = [
  { id: "fldKey", column: "SKU", type: "singleLineText", options: {}, slot: 1 },
  { id: "fldPrice", column: "price", type: "currency", options: { symbol: "$", precision: 2 }, slot: 7 },
  { id: "fldWhen", column: "When", type: "date", options: { dateFormat: "us" }, slot: 3 },
];
const header = ["sku", "Price", "when", "ignored"];

type Input = Omit<Parameters<typeof planSync>[0], "fields"> & { fields?: PlanField[] };

// Plans, takes every row and reads the stored cells back by field id.
function plan(input: Input) {
  const p = planSync({ fields, ...input });
  const stored = [...p.rows()];
  return {
    ...p,
    ...p.problems(),
    stored,
    rows: stored.map((r) => ({ key: r.key, cells: cellsByFieldId(JSON.parse(r.cells), input.fields ?? fields) })),
  };
}

describe("planSync", () => {
  it("stores cells by slot, matches columns case-insensitively, leaves empty cells out", () => {
    const p = plan({ header, rows: [["  A1 ", "$5.50", "3/14/2025", "x"], ["B2", "", "", "y"]], keyColumn: "SKU" });
    expect(p.stored).toMatchObject([
      { key: "A1", cells: '{"1":"A1","3":"2025-03-14","7":5.5}' },
      { key: "B2", cells: '{"1":"B2"}' },
    ]);
    expect(p.rows).toEqual([
      { key: "A1", cells: { fldKey: "A1", fldPrice: 5.5, fldWhen: "2025-03-14" } },
      { key: "B2", cells: { fldKey: "B2" } },
    ]);
    expect(p).toMatchObject({ size: 2, skipped: 0, duplicates: 0, problems: [], problemCount: 0 });
  });

  it("encodes the same values as the same text whatever the order of the fields", () => {
    const input = { header, rows: [["A", "$1", "1/2/2025", ""]], keyColumn: "sku" };
    expect(plan({ ...input, fields: [...fields].reverse() }).stored).toEqual(plan(input).stored);
  });

  it("escapes text as JSON", () => {
    const p = plan({ header, rows: [['say "hi" \\ ok', "", "", ""]], keyColumn: "sku" });
    expect(JSON.parse(p.stored[0].cells)).toEqual({ 1: 'say "hi" \\ ok' });
  });

  it("gives each row a fingerprint of its texts and the fields, and none to a row with a problem", () => {
    const rows = [["A", "$1", "", "x"], ["B", "$1", "", "x"], ["C", "bad", "", ""]];
    const p = plan({ header, rows, keyColumn: "sku" });
    const [a, b, c] = p.stored.map((r) => r.fingerprint);
    expect(Number.isSafeInteger(a)).toBe(true);
    expect(b).not.toBe(a);
    expect(c).toBeNull();
    // The same texts give the same fingerprint, also in another column order; an unread column
    // does not count; another type or option does.
    const again = plan({ header: ["when", "ignored", "Price", "sku"], rows: [["", "y", "$1", "A"]], keyColumn: "sku" });
    expect(again.stored[0].fingerprint).toBe(a);
    const retyped = fields.map((f) => (f.id === "fldPrice" ? { ...f, options: { symbol: "$", precision: 0 } } : f));
    expect(plan({ header, rows: [rows[0]], keyColumn: "sku", fields: retyped }).stored[0].fingerprint).not.toBe(a);
    // fingerprints() agrees with the rows.
    expect(planSync({ header, rows, fields, keyColumn: "sku" }).fingerprints()).toEqual([
      { key: "A", fingerprint: a },
      { key: "B", fingerprint: b },
      { key: "C", fingerprint: expect.any(Number) },
    ]);
  });

  it("coerces only the rows asked for", () => {
    const p = planSync({ header, rows: [["A", "bad", "", ""], ["B", "bad", "", ""]], fields, keyColumn: "sku" });
    expect([...p.rows((key) => key === "B")].map((r) => r.key)).toEqual(["B"]);
    expect(p.problems().problems.map((x) => x.row)).toEqual([2]);
  });

  it("can be taken only once", () => {
    const p = planSync({ header, rows: [["A", "", "", ""]], fields, keyColumn: "sku" });
    expect([...p.rows()]).toHaveLength(1);
    expect(() => [...p.rows()]).toThrow();
  });

  it("skips and reports rows with an empty key", () => {
    const p = plan({ header, rows: [["", "$1", "", ""], ["  ", "$2", "", ""], ["C", "$3", "", ""]], keyColumn: "sku" });
    expect(p.rows.map((r) => r.key)).toEqual(["C"]);
    expect(p.skipped).toBe(2);
    expect(p.problems).toEqual([
      { row: 1, column: "sku", value: "", reason: "empty primary key" },
      { row: 2, column: "sku", value: "", reason: "empty primary key" },
    ]);
  });

  it("skips and reports rows whose key is longer than the index can hold, quoting it shortened", () => {
    const long = "k".repeat(MAX_KEY_LENGTH + 1);
    const p = plan({ header, rows: [[long, "$1", "", ""], ["k".repeat(MAX_KEY_LENGTH), "$2", "", ""]], keyColumn: "sku" });
    expect(p.rows.map((r) => r.key.length)).toEqual([MAX_KEY_LENGTH]);
    expect(p.skipped).toBe(1);
    expect(p.problems).toEqual([{ row: 1, column: "sku", value: `${"k".repeat(200)}…`, reason: `primary key longer than ${MAX_KEY_LENGTH} characters` }]);
  });

  it("lets the last row win for a repeated key and reports the earlier ones", () => {
    const p = plan({ header, rows: [["A", "$1", "", ""], ["B", "$2", "", ""], ["A ", "$3", "", ""], ["A", "$4", "", ""]], keyColumn: "sku" });
    expect(p.rows).toEqual([
      { key: "B", cells: { fldKey: "B", fldPrice: 2 } },
      { key: "A", cells: { fldKey: "A", fldPrice: 4 } },
    ]);
    expect(p.size).toBe(2);
    expect(p.duplicates).toBe(2);
    expect(p.problems).toEqual([
      { row: 1, column: "sku", value: "A", reason: "duplicate primary key, a later row wins", key: "A" },
      { row: 3, column: "sku", value: "A", reason: "duplicate primary key, a later row wins", key: "A" },
    ]);
  });

  it("checks the cells of the winning row only, and lists problems in row order", () => {
    const p = plan({ header, rows: [["A", "bad", "", ""], ["B", "$1", "bad", ""], ["A", "$2", "", ""]], keyColumn: "sku" });
    expect(p.rows.map((r) => r.cells)).toEqual([{ fldKey: "B", fldPrice: 1 }, { fldKey: "A", fldPrice: 2 }]);
    expect(p.problems.map((x) => [x.row, x.column, x.reason])).toEqual([
      [1, "sku", "duplicate primary key, a later row wins"],
      [2, "when", "not a date in M/D/YYYY or YYYY-MM-DD"],
    ]);
  });

  it.each([
    ["price", "twelve", "not a currency amount", "fldPrice"],
    ["when", "2025-02-30", "not a date in M/D/YYYY or YYYY-MM-DD", "fldWhen"],
    ["when", "14/3/2025", "not a date in M/D/YYYY or YYYY-MM-DD", "fldWhen"],
  ])("reports a %s of %j (%s) with the record's key and leaves the cell empty", (column, value, reason, fieldId) => {
    const row = ["K", "", "", ""];
    row[header.findIndex((h) => h.toLowerCase() === column)] = value;
    const p = plan({ header, rows: [row], keyColumn: "sku" });
    expect(p.rows[0].cells[fieldId]).toBeUndefined();
    expect(p.rows[0].cells.fldKey).toBe("K");
    expect(p.problems).toEqual([{ row: 1, column: header.find((h) => h.toLowerCase() === column), value, reason, key: "K" }]);
  });

  it("caps the problem list at 1,000 but counts them all", () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => [`k${i}`, "bad", "bad", ""]);
    const p = plan({ header, rows, keyColumn: "sku" });
    expect(p.problems).toHaveLength(MAX_PROBLEMS);
    expect(p.problemCount).toBe(3_000);
    expect(p.problems[999]).toMatchObject({ row: 500, column: "Price" }); // within a row, in slot order
    expect(p.rows).toHaveLength(1_500);
  });

  it("shortens a huge offending value in the problem", () => {
    const p = plan({ header, rows: [["K", "x".repeat(5_000), "", ""]], keyColumn: "sku" });
    expect(p.problems[0].value).toHaveLength(201);
  });

  it("leaves out fields whose column is not in the CSV", () => {
    const p = plan({ header: ["sku"], rows: [["A"]], keyColumn: "sku" });
    expect(p.rows).toEqual([{ key: "A", cells: { fldKey: "A" } }]);
  });

  it("refuses a CSV without the key column", () => {
    expect(() => planSync({ header: ["price"], rows: [], fields, keyColumn: "sku" })).toThrow(ApiError);
  });
});
