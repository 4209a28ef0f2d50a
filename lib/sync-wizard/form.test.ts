import { describe, expect, it } from "vitest";
import { optionsForType, toSyncConfig, valuesFromConfig, valuesFromPayload, wizardFormSchema, type WizardValues } from "./form";

const base = (): WizardValues =>
  valuesFromPayload({
    name: "Products",
    header: ["SKU", "Name", "Price"],
    suggestions: [{ column: "Price", type: "currency", options: { symbol: "$", precision: 2 } }],
  });

const issues = (values: WizardValues) => {
  const r = wizardFormSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("valuesFromPayload", () => {
  it("lists every column, all ticked, with suggested types and defaults", () => {
    const v = base();
    expect(v.fields.map((f) => [f.column, f.name, f.type, f.selected])).toEqual([
      ["SKU", "SKU", "singleLineText", true],
      ["Name", "Name", "singleLineText", true],
      ["Price", "Price", "currency", true],
    ]);
    expect(v.fields[2].options).toEqual({ symbol: "$", precision: 2 });
    expect(v).toMatchObject({ tableName: "Products", fieldSelection: "all", primaryKey: "", updateMethod: "auto", deletion: "delete", retentionDays: 30 });
  });
});

describe("optionsForType", () => {
  it.each([
    ["number", { symbol: "€", precision: 3 }, { precision: 3 }],
    ["currency", {}, { symbol: "$", precision: 2 }],
    ["singleLineText", { precision: 2 }, {}],
    ["date", {}, { dateFormat: "us" }],
    ["duration", { durationFormat: "h:mm:ss" }, { durationFormat: "h:mm:ss" }],
  ] as const)("%s keeps only its own options", (type, options, expected) => {
    expect(optionsForType(type, options)).toEqual(expected);
  });
});

describe("toSyncConfig", () => {
  it("sends only ticked fields in specific mode, in form order, and maps back their rows", () => {
    const v = base();
    v.fieldSelection = "specific";
    v.fields[1].selected = false;
    v.fields = [v.fields[2], v.fields[0], v.fields[1]];
    v.primaryKey = "SKU";
    const { config, formIndex } = toSyncConfig(v);
    expect(config.fields.map((f) => f.column)).toEqual(["Price", "SKU"]);
    expect(formIndex).toEqual([0, 1]);
  });

  it("sends every field in all mode whatever the ticks", () => {
    const v = base();
    v.fields[1].selected = false;
    expect(toSyncConfig(v).config.fields).toHaveLength(3);
  });
});

describe("wizardFormSchema", () => {
  it("accepts a complete configuration", () => {
    const v = base();
    v.primaryKey = "SKU";
    expect(issues(v)).toEqual([]);
  });

  it.each<[string, (v: WizardValues) => void, string, RegExp]>([
    ["no key", () => {}, "primaryKey", /identifies a record/],
    ["empty table name", (v) => (v.tableName = "  "), "tableName", /must not be empty/i],
    ["empty field name", (v) => (v.fields[1].name = " "), "fields.1.name", /name/],
    ["duplicate field name", (v) => (v.fields[2].name = "sku"), "fields.2.name", /already named/],
    ["no field ticked", (v) => { v.fieldSelection = "specific"; v.fields.forEach((f) => (f.selected = false)); }, "fields", /at least one/],
    ["key not among the chosen", (v) => { v.fieldSelection = "specific"; v.fields[0].selected = false; }, "primaryKey", /chosen fields/],
    ["retention out of range", (v) => (v.retentionDays = -1), "retentionDays", /./],
  ])("%s → an error at %s", (_name, change, path, message) => {
    const v = base();
    v.primaryKey = "SKU";
    if (_name === "no key") v.primaryKey = "";
    change(v);
    const found = issues(v).find((i) => i.path === path);
    expect(found?.message).toMatch(message);
  });

  it("reports an issue from a later row at that row when earlier rows are unticked", () => {
    const v = base();
    v.primaryKey = "SKU";
    v.fieldSelection = "specific";
    v.fields[1].selected = false;
    v.fields[2].name = "x".repeat(300);
    expect(issues(v).map((i) => i.path)).toContain("fields.2.name");
  });
});

describe("valuesFromConfig", () => {
  it("puts saved fields first and unticked new columns after them", () => {
    const v = valuesFromConfig({
      config: {
        tableName: "T",
        fieldSelection: "specific",
        fields: [{ column: "Price", name: "Cost", type: "number", options: { precision: 1 } }, { column: "SKU", type: "singleLineText" }],
        primaryKey: "SKU",
        updateMethod: "manual",
        deletion: "keep",
        retentionDays: 7,
      },
      header: ["SKU", "Name", "Price"],
      suggestions: null,
    });
    expect(v.fields.map((f) => [f.column, f.name, f.selected])).toEqual([
      ["Price", "Cost", true],
      ["SKU", "SKU", true],
      ["Name", "Name", false],
    ]);
    expect(v).toMatchObject({ updateMethod: "manual", deletion: "keep", retentionDays: 7, primaryKey: "SKU" });
  });
});
