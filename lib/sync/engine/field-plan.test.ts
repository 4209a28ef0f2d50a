import { describe, expect, it } from "vitest";
import { syncConfigSchema, type SyncConfig } from "../../sync-shapes/config";
import type { FieldRow } from "../../data/fields";
import { cellsDependOnChange, fieldsForNewColumns, newColumns, planFields } from "./field-plan";

const config = (overrides: Partial<SyncConfig> = {}): SyncConfig =>
  syncConfigSchema.parse({
    tableName: "T",
    fieldSelection: "all",
    fields: [
      { column: "id", type: "singleLineText" },
      { column: "qty", type: "number", options: { precision: 0 } },
    ],
    primaryKey: "id",
    ...overrides,
  });

const field = (column: string, position: number, name = column, slot = position + 1): FieldRow => ({
  id: `fld_${column}`,
  name,
  type: "singleLineText",
  options: {},
  position,
  column,
  slot,
});

describe("planFields", () => {
  it("keeps the ids of fields fed from the same column (case-insensitively) and orders by the configuration", () => {
    const planned = planFields(
      config({ fields: [{ column: "QTY", name: "Quantity", type: "number" }, { column: "id", type: "singleLineText" }, { column: "new", type: "email" }] }),
      [field("id", 0), field("qty", 1)],
      5, // slots 3 to 5 went to fields since removed
    );
    expect(planned.map((f) => [f.id.startsWith("fld_") ? f.id : "new id", f.name, f.column, f.position, f.type, f.slot])).toEqual([
      ["fld_qty", "Quantity", "qty", 0, "number", 2],
      ["fld_id", "id", "id", 1, "singleLineText", 1],
      ["new id", "new", "new", 2, "email", 6],
    ]);
    expect(planned[2].id).toMatch(/^fld[A-Za-z0-9]{14}$/);
  });
});

describe("cellsDependOnChange", () => {
  const base = config();
  it.each<[string, Partial<SyncConfig>, boolean]>([
    ["nothing", {}, false],
    ["the table name", { tableName: "Other" }, false],
    ["field names and order", { fields: [{ column: "qty", name: "Q", type: "number", options: { precision: 0 } }, { column: "id", type: "singleLineText" }] }, false],
    ["update method, deletion, retention", { updateMethod: "manual", deletion: "keep", retentionDays: 3 }, false],
    ["the case of a column", { fields: [{ column: "ID", type: "singleLineText" }, { column: "qty", type: "number", options: { precision: 0 } }], primaryKey: "ID" }, false],
    ["a type", { fields: [{ column: "id", type: "singleLineText" }, { column: "qty", type: "singleLineText" }] }, true],
    ["an option", { fields: [{ column: "id", type: "singleLineText" }, { column: "qty", type: "number", options: { precision: 2 } }] }, true],
    ["the key", { primaryKey: "qty" }, true],
    ["the field selection", { fieldSelection: "specific" }, true],
    ["the set of columns", { fields: [{ column: "id", type: "singleLineText" }] }, true],
  ])("changing %s → %s", (_, overrides, expected) => {
    expect(cellsDependOnChange(base, config(overrides))).toBe(expected);
  });
});

describe("fieldsForNewColumns", () => {
  it("adds unknown columns as single line text after the last field, with names made unique", () => {
    const existing = [field("id", 0), field("a", 3, "b")];
    expect(newColumns(["id", "A", "b", "c"], existing)).toEqual(["b", "c"]);
    const added = fieldsForNewColumns(["b", "c"], existing, 4);
    expect(added.map((f) => [f.column, f.name, f.position, f.type, f.slot])).toEqual([
      ["b", "b 2", 4, "singleLineText", 5],
      ["c", "c", 5, "singleLineText", 6],
    ]);
    expect(newColumns(["ID", "a"], existing)).toEqual([]);
  });
});
