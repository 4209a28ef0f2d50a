import { describe, expect, it } from "vitest";
import { draftOf, editorKindOf, filterChoices, sameValue, selectedNames, toggleName, valueOfDraft } from "./cell-edit";
import { chipStyle, nextColor } from "./select-colors";

const choices = [
  { id: "selAAAAAAAAAAAAAA", name: "Todo", color: "blueLight2" },
  { id: "selBBBBBBBBBBBBBB", name: "Doing", color: "yellowLight2" },
  { id: "selCCCCCCCCCCCCCC", name: "Done", color: "greenLight2" },
];
const tags = { id: "fld1", name: "Tags", type: "multipleSelects", options: { choices } as never };

describe("editorKindOf", () => {
  it.each([
    ["singleLineText", "text"],
    ["number", "text"],
    ["multilineText", "longText"],
    ["checkbox", "checkbox"],
    ["singleSelect", "singleSelect"],
    ["multipleSelects", "multipleSelects"],
  ])("%s → %s", (type, kind) => expect(editorKindOf(type)).toBe(kind));
});

describe("drafts", () => {
  const price = { id: "f", name: "Price", type: "currency", options: { symbol: "$", precision: 2 } };
  it("starts from text that parses back to the value", () => {
    const draft = draftOf(price, 1234.5);
    expect(valueOfDraft(price, draft)).toEqual({ ok: true, value: 1234.5 });
    expect(draftOf(price, undefined)).toBe("");
  });
  it("turns an empty draft into a clear and refuses what the type refuses", () => {
    expect(valueOfDraft(price, "  ")).toEqual({ ok: true, value: null });
    const bad = valueOfDraft({ id: "f", name: "N", type: "number" }, "twelve");
    expect(bad.ok).toBe(false);
  });
  it("keeps a long text's lines", () => {
    expect(valueOfDraft({ id: "f", name: "Notes", type: "multilineText" }, "a\nb")).toEqual({ ok: true, value: "a\nb" });
  });
});

describe("selects", () => {
  it("toggles names in the field's choice order and clears when none is left", () => {
    expect(toggleName(tags, ["Done"], "Todo")).toEqual(["Todo", "Done"]);
    expect(toggleName(tags, ["Done"], "Done")).toBeNull();
    expect(selectedNames("Todo")).toEqual(["Todo"]);
  });
  it("filters choices by a case-insensitive substring", () => {
    expect(filterChoices(choices, "do").map((c) => c.name)).toEqual(["Todo", "Doing", "Done"]);
    expect(filterChoices(choices, "ON").map((c) => c.name)).toEqual(["Done"]);
    expect(filterChoices(choices, "")).toHaveLength(3);
  });
  it("gives every colour name a tint with dark text", () => {
    expect(chipStyle("greenLight2").backgroundColor).toBe(chipStyle("greenBright").backgroundColor);
    expect(chipStyle("nonsense").backgroundColor).toBe(chipStyle(undefined).backgroundColor);
    expect(nextColor(11)).toBe("cyanLight2");
  });
});

describe("sameValue", () => {
  it("treats every empty as the same and compares the rest by value", () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue("", [])).toBe(true);
    expect(sameValue(false, undefined)).toBe(true);
    expect(sameValue(["a"], ["a"])).toBe(true);
    expect(sameValue(1, 2)).toBe(false);
  });
});
