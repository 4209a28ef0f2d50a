import { describe, expect, it } from "vitest";
import { locateApiError } from "./errors";

// PUT body fields[0] is form row 2, fields[1] is row 0 (row 1 unticked).
const formIndex = [2, 0];

describe("locateApiError", () => {
  it.each([
    ["tableName", "settings", "tableName"],
    ["retentionDays", "settings", "retentionDays"],
    ["primaryKey", "key", "primaryKey"],
    ["fields.0.type", "fields", "fields.2.type"],
    ["fields.1.name", "fields", "fields.0.name"],
    ["fields.0.options", "fields", "fields.2.type"],
    ["fields.0.options.precision", "fields", "fields.2.type"],
    ["fields", "fields", null],
    ["fieldSelection", "fields", null],
    ["fields.0.column", "fields", "fields.2.name"],
    ["fields.1.column", "fields", "fields.0.name"],
    ["fields.2.options.precision", "fields", null],
    ["sync", null, null],
    [null, null, null],
  ])("%s → %s %s", (param, step, path) => {
    expect(locateApiError(param, formIndex)).toEqual({ step, path });
  });
});
