import { describe, expect, it } from "vitest";
import { bestKeyColumn, checkKeyColumn, keyWarnings, recommendedKeyColumns } from "./key";

const header = ["SKU", "Name"];
const rows = [["A1", "x"], [" ", "y"], ["A2", "z"], ["A1 ", "w"], ["", "v"], ["A2", "u"], ["A3"]];

describe("checkKeyColumn", () => {
  it("counts empty and repeated (trimmed) keys, matching the column case-insensitively", () => {
    expect(checkKeyColumn(header, rows, "sku")).toEqual({
      sampleSize: 7,
      empty: 2,
      tooLong: 0,
      repeated: [{ value: "A1", count: 2 }, { value: "A2", count: 2 }],
    });
  });
  it("returns null for a column that is not in the header", () => {
    expect(checkKeyColumn(header, rows, "Price")).toBeNull();
  });
});

describe("keyWarnings", () => {
  it("warns about empty and repeated values", () => {
    const w = keyWarnings(header, rows, "SKU");
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/2 of the 7 sample rows have an empty SKU/);
    expect(w[1]).toMatch(/"A1" \(2 times\), "A2" \(2 times\)/);
  });
  it("warns about keys too long to keep", () => {
    const w = keyWarnings(header, [["x".repeat(501)], ["x".repeat(500)]], "SKU");
    expect(w).toEqual(["1 of the 2 sample rows has a SKU longer than 500 characters. Those rows are skipped."]);
  });
  it("says nothing for a clean column", () => {
    expect(keyWarnings(header, [["A"], ["B"]], "SKU")).toEqual([]);
  });
  it("lists at most three repeated values", () => {
    const many = ["a", "a", "b", "b", "c", "c", "d", "d"].map((v) => [v]);
    expect(keyWarnings(["K"], many, "K")[0]).toMatch(/and 1 more/);
  });
  it("uses the field's name in the sentence", () => {
    expect(keyWarnings(header, [[""]], "SKU", "Product code")[0]).toMatch(/an empty Product code/);
  });
});

describe("recommended keys", () => {
  const header = ["Name", "Price", "Product SKU", "Note"];
  const rows = [
    ["Widget", "9.99", "A-1", ""],
    ["Widget", "5.00", "A-2", "x"],
    ["Gadget", "7.50", "A-3", "y"],
  ];
  it("recommends columns that are unique and non-empty in the sample", () => {
    expect(recommendedKeyColumns(header, rows, header)).toEqual(["Price", "Product SKU"]);
  });
  it("prefers a column named like an identifier, else the first clean one", () => {
    expect(bestKeyColumn(header, rows, header)).toBe("Product SKU");
    expect(bestKeyColumn(header, rows, ["Name", "Price"])).toBe("Price");
    expect(bestKeyColumn(header, rows, ["Name", "Note"])).toBeNull();
    expect(bestKeyColumn(header, [], header)).toBeNull();
  });
  it("does not take a word that only contains an id-like part", () => {
    expect(bestKeyColumn(["Video", "Notes"], [["a", "b"]], ["Video", "Notes"])).toBe("Video");
  });
});
