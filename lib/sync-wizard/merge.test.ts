import { describe, expect, it } from "vitest";
import { valuesFromPayload } from "./form";
import { mergeHeader } from "./merge";

const start = () => {
  const v = valuesFromPayload({ name: "T", header: ["SKU", "Name", "Price", "Notes"], suggestions: null });
  // The user reorders, renames, retypes and picks a key.
  v.fields = [v.fields[2], v.fields[0], v.fields[1], v.fields[3]];
  v.fields[0] = { ...v.fields[0], name: "Cost", type: "currency", options: { symbol: "$", precision: 2 } };
  v.primaryKey = "SKU";
  return v;
};

describe("mergeHeader", () => {
  it("keeps the user's choices for columns still present, drops removed ones, appends new ones", () => {
    const merged = mergeHeader(start(), ["SKU", "Price", "Name", "Stock"], [{ column: "Stock", type: "number", options: { precision: 0 } }]);
    expect(merged.fields.map((f) => [f.column, f.name, f.type])).toEqual([
      ["Price", "Cost", "currency"],
      ["SKU", "SKU", "singleLineText"],
      ["Name", "Name", "singleLineText"],
      ["Stock", "Stock", "number"],
    ]);
    expect(merged.primaryKey).toBe("SKU");
  });

  it("clears the key when its column is gone", () => {
    expect(mergeHeader(start(), ["Name", "Price"], null).primaryKey).toBe("");
  });

  it("follows a new spelling of a column, keeping an edited name", () => {
    const merged = mergeHeader(start(), ["sku", "PRICE", "name", "Notes"], null);
    expect(merged.fields.map((f) => [f.column, f.name])).toEqual([
      ["PRICE", "Cost"],
      ["sku", "sku"],
      ["name", "name"],
      ["Notes", "Notes"],
    ]);
    expect(merged.primaryKey).toBe("sku");
  });

  it("leaves new columns unticked in specific mode, keeps ticks of the others", () => {
    const v = start();
    v.fieldSelection = "specific";
    v.fields[3].selected = false;
    const merged = mergeHeader(v, ["SKU", "Name", "Price", "Notes", "Stock"], null);
    expect(merged.fields.map((f) => [f.column, f.selected])).toEqual([
      ["Price", true],
      ["SKU", true],
      ["Name", true],
      ["Notes", false],
      ["Stock", false],
    ]);
  });
});
