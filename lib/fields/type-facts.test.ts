// The per-type facts the app reads from the modules (sort, search, grid, wizard, API schema),
// pinned in one table so a change to any of them is a visible change here.
import { describe, expect, it } from "vitest";
import { FIELD_TYPE_MODULES, FIELD_TYPES, isSearchable, sortKindOf } from "./registry";
import type { FieldType, OptionKey, SortKind } from "./types";

type Facts = { sort: SortKind; searchable: boolean; align: "left" | "right"; width: number; cell: string; keys: OptionKey[] };

const FACTS: Record<FieldType, Facts> = {
  singleLineText: { sort: "text", searchable: true, align: "left", width: 200, cell: "text", keys: [] },
  multilineText: { sort: "text", searchable: true, align: "left", width: 260, cell: "longText", keys: [] },
  email: { sort: "text", searchable: true, align: "left", width: 220, cell: "link", keys: [] },
  url: { sort: "text", searchable: true, align: "left", width: 240, cell: "link", keys: [] },
  phoneNumber: { sort: "text", searchable: true, align: "left", width: 160, cell: "link", keys: [] },
  number: { sort: "numeric", searchable: false, align: "right", width: 120, cell: "formatted", keys: ["precision"] },
  currency: { sort: "numeric", searchable: false, align: "right", width: 140, cell: "formatted", keys: ["symbol", "precision"] },
  percent: { sort: "numeric", searchable: false, align: "right", width: 100, cell: "formatted", keys: ["precision"] },
  duration: { sort: "numeric", searchable: false, align: "right", width: 110, cell: "formatted", keys: ["durationFormat"] },
  date: { sort: "isoDate", searchable: false, align: "left", width: 120, cell: "formatted", keys: ["dateFormat"] },
  checkbox: { sort: "checkbox", searchable: false, align: "left", width: 90, cell: "checkbox", keys: ["icon", "color"] },
  singleSelect: { sort: "text", searchable: true, align: "left", width: 160, cell: "choices", keys: ["choices"] },
  multipleSelects: { sort: "text", searchable: true, align: "left", width: 220, cell: "choices", keys: ["choices"] },
};

describe("field type facts", () => {
  it.each(FIELD_TYPES)("%s", (type) => {
    const m = FIELD_TYPE_MODULES[type];
    const facts = FACTS[type];
    expect(m.type).toBe(type);
    expect(sortKindOf(type)).toBe(facts.sort);
    expect(isSearchable(type)).toBe(facts.searchable);
    expect(m.align).toBe(facts.align);
    expect(m.gridWidth).toBe(facts.width);
    expect(m.gridCell.kind).toBe(facts.cell);
    expect([...m.optionKeys]).toEqual(facts.keys);
    expect(m.coercionVersion).toBeGreaterThanOrEqual(1);
    // The defaults are the type's own options, and its schema refuses the others.
    expect(Object.keys(m.defaultOptions).sort()).toEqual([...facts.keys].sort());
    expect(m.optionsSchema.parse(m.defaultOptions)).toEqual(m.defaultOptions);
    const foreign = (["precision", "symbol", "dateFormat", "durationFormat"] as const).find((k) => !facts.keys.includes(k));
    if (foreign) expect(m.optionsSchema.safeParse({ [foreign]: foreign === "precision" ? 2 : "iso" }).success).toBe(false);
  });

  it("links: mailto for email, tel for phone, https in a new tab for URLs", () => {
    const link = (type: FieldType, text: string) => {
      const cell = FIELD_TYPE_MODULES[type].gridCell;
      return cell.kind === "link" ? { href: cell.href(text), newTab: cell.newTab } : null;
    };
    expect(link("email", "ada@example.com")).toEqual({ href: "mailto:ada@example.com", newTab: false });
    expect(link("phoneNumber", "+1 555 123 4567")).toEqual({ href: "tel:+15551234567", newTab: false });
    expect(link("url", "example.com")).toEqual({ href: "https://example.com/", newTab: true });
  });

  it("API options in Airtable's shape, from the defaults", () => {
    const api = (type: FieldType) => FIELD_TYPE_MODULES[type].apiOptions(FIELD_TYPE_MODULES[type].defaultOptions);
    expect(api("number")).toEqual({ precision: 0 });
    expect(api("percent")).toEqual({ precision: 0 });
    expect(api("currency")).toEqual({ precision: 2, symbol: "$" });
    expect(api("date")).toEqual({ dateFormat: { name: "us", format: "M/D/YYYY" } });
    expect(FIELD_TYPE_MODULES.date.apiOptions({ dateFormat: "european" })).toEqual({ dateFormat: { name: "european", format: "D/M/YYYY" } });
    expect(api("duration")).toEqual({ durationFormat: "h:mm" });
    for (const type of ["singleLineText", "multilineText", "email", "url", "phoneNumber"] as const) expect(api(type)).toBeUndefined();
  });

  it("format choices the wizard offers, in order", () => {
    expect(FIELD_TYPE_MODULES.date.formatChoices.dateFormat).toEqual({ us: "US (3/14/2025)", european: "European (14/3/2025)", iso: "ISO (2025-03-14)" });
    expect(Object.keys(FIELD_TYPE_MODULES.duration.formatChoices.durationFormat ?? {})).toEqual(["h:mm", "h:mm:ss", "h:mm:ss.S", "h:mm:ss.SS", "h:mm:ss.SSS"]);
    expect(FIELD_TYPE_MODULES.number.formatChoices).toEqual({});
  });
});
