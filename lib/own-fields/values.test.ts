import { describe, expect, it } from "vitest";
import type { FieldOptions, FieldType } from "../fields/types";
import type { TableField } from "../records/types";
import { toOwnValue } from "./values";

const field = (type: FieldType, options: FieldOptions = {}): TableField => ({ id: "fldX", name: "X", column: null, type, options, slot: 9, origin: "own" });
const CHOICES = { choices: [{ id: "selAAAAAAAAAAAAAA", name: "Red" }, { id: "selBBBBBBBBBBBBBB", name: "Blue" }] };

describe("own field values (the write API's JSON)", () => {
  it.each([
    ["checkbox", true, false, true],
    ["checkbox", false, false, undefined],
    ["checkbox", "checked", true, true],
    ["checkbox", 0, true, undefined],
    ["singleSelect", "Red", false, "Red"],
    ["singleSelect", "", false, undefined],
    ["singleSelect", "red", true, "Red"],
    ["multipleSelects", ["Blue", "Red", "Blue"], false, ["Blue", "Red"]],
    ["multipleSelects", [], false, undefined],
    ["multipleSelects", "Red, Blue", true, ["Red", "Blue"]],
    ["number", 12.5, false, 12.5],
    ["number", "1,234", true, 1234],
    ["currency", -3, false, -3],
    ["percent", 0.45, false, 0.45],
    ["percent", "45%", true, 0.45],
    ["duration", 90, false, 90],
    ["date", "2026-03-14", false, "2026-03-14"],
    ["date", "3/14/2026", true, "2026-03-14"],
    ["singleLineText", "  hi\nthere ", false, "hi there"],
    ["singleLineText", 42, true, "42"],
    ["multilineText", "a\r\nb", false, "a\nb"],
    ["email", "ada@example.com", false, "ada@example.com"],
    ["url", "example.com", false, "example.com"],
    ["phoneNumber", "+1 555 0100", false, "+1 555 0100"],
  ] as [FieldType, unknown, boolean, unknown][])("%s %j (typecast %s) → %j", (type, raw, typecast, value) => {
    expect(toOwnValue(field(type, CHOICES), raw, typecast)).toEqual({ ok: true, value, newChoices: [] });
  });

  it.each([
    ["checkbox", "yes", false],
    ["checkbox", 1, false],
    ["singleSelect", "Green", false],
    ["singleSelect", ["Red"], false],
    ["multipleSelects", "Red", false],
    ["multipleSelects", ["Red", "Green"], false],
    ["multipleSelects", [1], true],
    ["number", "12", false],
    ["number", "twelve", true],
    ["number", Number.NaN, false],
    ["date", "3/14/2026", false],
    ["date", "2026-02-30", false],
    ["singleLineText", 42, false],
    ["singleLineText", { a: 1 }, true],
    ["email", "not an email", false],
  ] as [FieldType, unknown, boolean][])("%s %j (typecast %s) is refused", (type, raw, typecast) => {
    expect(toOwnValue(field(type, CHOICES), raw, typecast).ok).toBe(false);
  });

  it("null clears any type", () => {
    for (const type of ["checkbox", "singleSelect", "number", "singleLineText"] as FieldType[]) {
      expect(toOwnValue(field(type, CHOICES), null, false)).toEqual({ ok: true, value: undefined, newChoices: [] });
    }
  });

  it("typecast adds unknown choices once, keeping known ones", () => {
    expect(toOwnValue(field("singleSelect", CHOICES), "Green", true)).toEqual({ ok: true, value: "Green", newChoices: ["Green"] });
    expect(toOwnValue(field("multipleSelects", CHOICES), ["green", "Red", "GREEN", "Pink"], true)).toEqual({
      ok: true,
      value: ["green", "Red", "Pink"],
      newChoices: ["green", "Pink"],
    });
  });
});
