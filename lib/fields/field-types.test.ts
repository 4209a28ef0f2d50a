import { describe, expect, it } from "vitest";
import { FIELD_TYPE_LABELS, FIELD_TYPE_MODULES, FIELD_TYPES, SYNC_FIELD_TYPES, coerceCell, formatCell } from "./registry";
import type { CellValue, FieldOptions, FieldType } from "./types";

type Good = [FieldType, string, CellValue | undefined, FieldOptions?];
type Bad = [FieldType, string, string, FieldOptions?];

const COLOURS = { choices: [{ name: "Red" }, { name: "Blue" }] };
const good: Good[] = [
  ["checkbox", "checked", true],
  ["checkbox", " TRUE ", true],
  ["checkbox", "1", true],
  ["checkbox", "no", undefined],
  ["singleSelect", " red ", "Red", COLOURS],
  ["singleSelect", "Blue", "Blue", COLOURS],
  ["multipleSelects", "blue, Red, blue,,", ["Blue", "Red"], COLOURS],
  ["singleLineText", "  Ada Lovelace ", "Ada Lovelace"],
  ["singleLineText", "line 1\r\nline 2\nline 3", "line 1 line 2 line 3"],
  ["multilineText", " line 1\r\nline 2\rline 3 ", "line 1\nline 2\nline 3"],
  ["email", " ada@example.com ", "ada@example.com"],
  ["email", "First.Last+tag@sub.example.co.uk", "First.Last+tag@sub.example.co.uk"],
  ["url", "https://example.com/a?b=c#d", "https://example.com/a?b=c#d"],
  ["url", "example.com", "example.com"],
  ["url", "www.example.org/path", "www.example.org/path"],
  ["url", "http://localhost:3000/x", "http://localhost:3000/x"],
  ["url", "mailto:ada@example.com", "mailto:ada@example.com"],
  ["phoneNumber", "+1 (555) 123-4567", "+1 (555) 123-4567"],
  ["phoneNumber", "555.123.4567 ext. 89", "555.123.4567 ext. 89"],
  ["phoneNumber", "020 7946 0958", "020 7946 0958"],
  ["phoneNumber", "911", "911"],
  ["number", "1,234.5", 1234.5],
  ["number", "-3", -3],
  ["number", "+3", 3],
  ["number", "1e3", 1000],
  ["number", "1.5E-3", 0.0015],
  ["number", ".5", 0.5],
  ["number", "00501", 501],
  ["number", "-0", 0],
  ["number", " 42 ", 42],
  ["currency", "-$1,234.50", -1234.5],
  ["currency", "$-1,234.50", -1234.5],
  ["currency", "(1,234.50)", -1234.5],
  ["currency", "($1,234.50)", -1234.5],
  ["currency", "$ 12", 12],
  ["currency", "1234.5", 1234.5],
  ["currency", "€1.234", 1.234],
  ["currency", "1.234 €", 1.234],
  ["currency", "US$5", 5],
  ["currency", "12 EUR", 12],
  ["currency", "USD 12", 12],
  ["currency", "kr 1,000", 1000, { symbol: "kr" }],
  ["currency", "1,000 kr", 1000, { symbol: "kr" }],
  ["percent", "45%", 0.45],
  ["percent", "45", 0.45],
  ["percent", "45 %", 0.45],
  ["percent", "7%", 0.07],
  ["percent", "12.5%", 0.125],
  ["percent", "-3%", -0.03],
  ["percent", "1,000%", 10],
  ["percent", "0.1%", 0.001],
  ["duration", "1:30", 5400],
  ["duration", "0:05", 300],
  ["duration", "1:05:09", 3909],
  ["duration", "100:00:00", 360000],
  ["duration", "1:00:00.1", 3600.1],
  ["duration", "0:00:01.25", 1.25],
  ["duration", "-0:30", -1800],
  ["duration", "90", 90],
  ["duration", "90.5", 90.5],
  ["date", "2025-03-14", "2025-03-14"],
  ["date", "2025-3-4", "2025-03-04"],
  ["date", "2025/03/14", "2025-03-14"],
  ["date", "2025-03-14T23:30:00Z", "2025-03-14"],
  ["date", "2025-03-14T23:30:00.123-05:00", "2025-03-14"],
  ["date", "2025-03-14 08:00", "2025-03-14"],
  ["date", "3/14/2025", "2025-03-14"],
  ["date", "03/04/2025", "2025-03-04"],
  ["date", "3/14/2025 10:30 PM", "2025-03-14"],
  ["date", "2024-02-29", "2024-02-29"],
  ["date", "2000-02-29", "2000-02-29"],
  ["date", "03/04/2025", "2025-04-03", { dateFormat: "european" }],
  ["date", "14/3/2025", "2025-03-14", { dateFormat: "european" }],
  ["date", "14.03.2025", "2025-03-14", { dateFormat: "european" }],
  ["date", "2025-03-14", "2025-03-14", { dateFormat: "european" }],
  ["date", "2025-03-14", "2025-03-14", { dateFormat: "iso" }],
  ["date", "3/14/2025", "2025-03-14", { dateFormat: "iso" }],
];

const bad: Bad[] = [
  ["email", "ada@", "not an email address"],
  ["email", "ada@example", "not an email address"],
  ["email", "ada lovelace@example.com", "not an email address"],
  ["email", "a@b@example.com", "not an email address"],
  ["url", "not a url", "not a URL"],
  ["url", "https://exa mple.com", "not a URL"],
  ["url", "ada@example.com", "not a URL"],
  ["url", "hello", "not a URL"],
  ["phoneNumber", "call me", "not a phone number"],
  ["phoneNumber", "12", "not a phone number"],
  ["phoneNumber", "555-CALL-NOW", "not a phone number"],
  ["number", "abc", "not a number"],
  ["number", "1,23", "not a number"],
  ["number", "1.2.3", "not a number"],
  ["number", "$5", "not a number"],
  ["number", "45%", "not a number"],
  ["number", "1e999", "not a number"],
  ["number", "--3", "not a number"],
  ["number", "Infinity", "not a number"],
  ["currency", "five dollars", "not a currency amount"],
  ["currency", "$", "not a currency amount"],
  ["currency", "-(5)", "not a currency amount"],
  ["currency", "--$5", "not a currency amount"],
  ["currency", "5 kg", "not a currency amount"],
  ["currency", "1,23 €", "not a currency amount"],
  ["percent", "%", "not a percentage"],
  ["percent", "forty", "not a percentage"],
  ["percent", "45%%", "not a percentage"],
  ["duration", "1:75", "not a duration in h:mm, h:mm:ss or seconds"],
  ["duration", "1:00:60", "not a duration in h:mm, h:mm:ss or seconds"],
  ["duration", "1h30", "not a duration in h:mm, h:mm:ss or seconds"],
  ["duration", "1::30", "not a duration in h:mm, h:mm:ss or seconds"],
  ["date", "2025-02-30", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "2023-02-29", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "1900-02-29", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "2025-13-01", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "0000-01-01", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "14/3/2025", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "3/14/25", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "March 14, 2025", "not a date in M/D/YYYY or YYYY-MM-DD"],
  ["date", "3/14/2025", "not a date in D/M/YYYY or YYYY-MM-DD", { dateFormat: "european" }],
  ["date", "31/4/2025", "not a date in D/M/YYYY or YYYY-MM-DD", { dateFormat: "european" }],
  ["date", "yesterday", "not a date in YYYY-MM-DD or M/D/YYYY", { dateFormat: "iso" }],
  ["checkbox", "maybe", "not a checkbox value (checked, true, 1 or empty)"],
  ["singleSelect", "Blue", '"Blue" is not one of the field\'s choices', { choices: [{ name: "Red" }] }],
  ["multipleSelects", "Red, Blue", '"Blue" is not one of the field\'s choices', { choices: [{ name: "Red" }] }],
];

describe("field types: parse", () => {
  it.each(good)("%s %j → %j", (type, text, value, options) => {
    expect(coerceCell(type, options ?? {}, text)).toEqual({ ok: true, value });
  });

  it.each(bad)("%s %j is refused: %s", (type, text, reason, options) => {
    expect(coerceCell(type, options ?? {}, text)).toEqual({ ok: false, reason });
  });

  it.each(FIELD_TYPES.map((t) => [t]))("%s: an empty or blank cell is empty", (type) => {
    expect(coerceCell(type, {}, "")).toEqual({ ok: true, value: undefined });
    expect(coerceCell(type, {}, "  \r\n ")).toEqual({ ok: true, value: undefined });
  });

  it("has a module and a label for each of the 13 types; 10 of them can be synced", () => {
    for (const type of FIELD_TYPES) expect(FIELD_TYPE_MODULES[type].type).toBe(type);
    expect(FIELD_TYPE_LABELS.multilineText).toBe("Long text");
    expect(Object.keys(FIELD_TYPE_LABELS)).toHaveLength(13);
    expect(SYNC_FIELD_TYPES).toHaveLength(10);
    expect(FIELD_TYPES.filter((t) => !SYNC_FIELD_TYPES.includes(t))).toEqual(["checkbox", "singleSelect", "multipleSelects"]);
  });
});

describe("field types: format for the grid", () => {
  it.each([
    ["number", 1234.5, {}, "1,235"],
    ["number", 1234.5, { precision: 2 }, "1,234.50"],
    ["number", -1234567.891, { precision: 1 }, "-1,234,567.9"],
    ["number", -0.001, { precision: 2 }, "0.00"],
    ["number", 1e21, {}, "1,000,000,000,000,000,000,000"],
    ["currency", 1234.5, {}, "$1,234.50"],
    ["currency", -1234.5, {}, "-$1,234.50"],
    ["currency", 1234.5, { symbol: "€", precision: 0 }, "€1,235"],
    ["currency", 12, { symbol: "CHF" }, "CHF 12.00"],
    ["currency", -0.001, {}, "$0.00"],
    ["percent", 0.45, {}, "45%"],
    ["percent", 0.1234, { precision: 1 }, "12.3%"],
    ["percent", 0.07, { precision: 2 }, "7.00%"],
    ["percent", 12.5, {}, "1,250%"],
    ["date", "2025-03-14", {}, "3/14/2025"],
    ["date", "2025-03-14", { dateFormat: "us" }, "3/14/2025"],
    ["date", "2025-03-14", { dateFormat: "european" }, "14/3/2025"],
    ["date", "2025-03-14", { dateFormat: "iso" }, "2025-03-14"],
    ["duration", 5400, {}, "1:30"],
    ["duration", 3909, {}, "1:05"],
    ["duration", 3929, { durationFormat: "h:mm" }, "1:05"],
    ["duration", 3909, { durationFormat: "h:mm:ss" }, "1:05:09"],
    ["duration", 3600.1, { durationFormat: "h:mm:ss.S" }, "1:00:00.1"],
    ["duration", 1.25, { durationFormat: "h:mm:ss.SS" }, "0:00:01.25"],
    ["duration", 1.5, { durationFormat: "h:mm:ss.SSS" }, "0:00:01.500"],
    ["duration", 59.96, { durationFormat: "h:mm:ss.S" }, "0:01:00.0"],
    ["duration", -1800, {}, "-0:30"],
    ["duration", 360000, { durationFormat: "h:mm:ss" }, "100:00:00"],
    ["singleLineText", "Ada", {}, "Ada"],
    ["phoneNumber", "+1 555 0100", {}, "+1 555 0100"],
    ["checkbox", true, {}, "checked"],
    ["singleSelect", "Red", {}, "Red"],
    ["multipleSelects", ["Red", "Blue"], {}, "Red, Blue"],
  ] as [FieldType, CellValue, FieldOptions, string][])("%s %j %j → %j", (type, value, options, text) => {
    expect(formatCell(type, options, value)).toBe(text);
  });
});
