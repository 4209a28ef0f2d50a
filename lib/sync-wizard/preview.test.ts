import { describe, expect, it } from "vitest";
import { columnIndex as columnIndexOf } from "../csv/header";
import { buildPreview, previewCell } from "./preview";
import type { WizardField } from "./form";

const field = (column: string, type: WizardField["type"], options: WizardField["options"] = {}): WizardField => ({
  column, name: column, type, options, selected: true,
});

describe("previewCell", () => {
  it.each<[WizardField["type"], WizardField["options"], string, string]>([
    ["currency", { symbol: "$", precision: 2 }, "-$1,234.5", "-$1,234.50"],
    ["percent", { precision: 0 }, "45", "45%"],
    ["number", { precision: 1 }, "1e3", "1,000.0"],
    ["singleLineText", {}, "a", "a"],
    ["number", {}, "", ""],
  ])("%s %j formats %s as %s", (type, options, text, display) => {
    expect(previewCell({ type, options }, text)).toEqual({ text, display, error: null });
  });

  it("marks a value that does not parse, with the reason", () => {
    const cell = previewCell({ type: "number", options: {} }, "abc");
    expect(cell.display).toBe("abc");
    expect(cell.error).toMatch(/number/i);
  });
});

describe("buildPreview", () => {
  it("renders the chosen fields in order and counts problems", () => {
    const p = buildPreview({
      header: ["SKU", "Price"],
      rows: [["A", "1"], ["B", "x"], ["C", "3"]],
      fields: [field("price", "number", { precision: 0 }), field("SKU", "singleLineText")],
      limit: 2,
    });
    expect(p.columns.map((c) => c.name)).toEqual(["price", "SKU"]);
    expect(p.rows.map((r) => r.map((c) => c.display))).toEqual([["1", "A"], ["x", "B"]]);
    expect(p.problemCount).toBe(1);
  });
  it("shows an empty cell for a column missing from the header", () => {
    expect(buildPreview({ header: ["A"], rows: [["1"]], fields: [field("B", "number")] }).rows[0][0].display).toBe("");
  });
  it("finds columns case-insensitively", () => {
    expect(columnIndexOf(["Name", "SKU"], "sku")).toBe(1);
  });
});
