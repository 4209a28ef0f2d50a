import { describe, expect, it } from "vitest";
import { locateApiError } from "./errors";

const fields = [{ column: "SKU" }, { column: "Name" }, { column: "Price" }];
// PUT body fields[0] is form row 2, fields[1] is row 0 (row 1 unticked).
const formIndex = [2, 0];

describe("locateApiError", () => {
  it.each([
    ["tableName: a table named \"Products\" already exists in this base", "settings", "tableName"],
    ["retentionDays: must be at most 3650", "settings", "retentionDays"],
    ["primaryKey: must be one of the chosen fields", "key", "primaryKey"],
    ["The primary key column \"SKU\" is missing from the latest request", "key", "primaryKey"],
    ["fields[0].type: unknown field type", "fields", "fields.2.type"],
    ["fields.1.name: too long", "fields", "fields.0.name"],
    ["fields[0].options: precision must be at most 8", "fields", "fields.2.type"],
    ["fields: choose at least one field", "fields", null],
    ['fields: column "Price" is not in the latest CSV received (its columns: SKU, Name).', "fields", "fields.2.name"],
    ["fields.2.options.precision: Too big", "fields", null],
    ["The selected column \"Name\" is missing from the latest request", "fields", "fields.1.name"],
    ["Something else went wrong", null, null],
  ])("%s → %s %s", (message, step, path) => {
    expect(locateApiError(message, fields, formIndex)).toEqual({ step, path });
  });
});
