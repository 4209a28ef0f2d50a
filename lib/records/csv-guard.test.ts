import { describe, expect, it } from "vitest";
import { coerceCell } from "../fields/registry";
import type { FieldType } from "../fields/types";
import { guardCsvCell } from "./csv-guard";

describe("guardCsvCell", () => {
  it.each<[FieldType, string, string]>([
    ["singleLineText", "=HYPERLINK(\"http://x\")", " =HYPERLINK(\"http://x\")"],
    ["singleLineText", "+1", " +1"],
    ["singleLineText", "-3", " -3"],
    ["multilineText", "@SUM(A1)\nmore", " @SUM(A1)\nmore"],
    ["phoneNumber", "+1 555 0100", " +1 555 0100"],
    ["email", "-x@example.com", " -x@example.com"],
    ["singleLineText", "plain", "plain"],
    ["singleLineText", "a=b", "a=b"],
    ["number", "-3", "-3"],
    ["currency", "-$1,234.50", "-$1,234.50"],
    ["percent", "-45%", "-45%"],
    ["duration", "-1:30", "-1:30"],
    ["date", "2025-01-01", "2025-01-01"],
  ])("%s %j → %j", (type, text, out) => expect(guardCsvCell(type, text)).toBe(out));

  it.each<[FieldType, string]>([
    ["singleLineText", "=1+1"],
    ["multilineText", "-line one\nline two"],
    ["phoneNumber", "+44 20 7946 0958"],
    ["email", "+tag@example.com"],
  ])("the sync reads a guarded %s value back unchanged: %j", (type, value) => {
    expect(coerceCell(type, {}, guardCsvCell(type, value))).toEqual({ ok: true, value });
  });
});
