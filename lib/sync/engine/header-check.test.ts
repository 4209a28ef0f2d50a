import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import type { SyncConfig } from "../../sync-shapes/config";
import { checkHeaderForConfig } from "./header-check";

const config = (over: Partial<SyncConfig>): SyncConfig => ({
  tableName: "T",
  fieldSelection: "all",
  fields: [{ column: "id", type: "singleLineText" }, { column: "Price", type: "currency" }],
  primaryKey: "id",
  updateMethod: "auto",
  deletion: "delete",
  retentionDays: 30,
  ...over,
});

describe("checkHeaderForConfig", () => {
  it.each([
    ["all fields, all present", ["ID", "price"], config({})],
    ["all fields, a chosen column gone", ["id"], config({})],
    ["specific fields, extra columns", ["id", "Price", "extra"], config({ fieldSelection: "specific" })],
    ["a configured column with spaces around it", ["id", "Price"], config({ fieldSelection: "specific", primaryKey: " id ", fields: [{ column: " Price ", type: "currency" }] })],
  ])("accepts %s", (_, header, cfg) => {
    expect(() => checkHeaderForConfig(header, cfg)).not.toThrow();
  });

  it.each([
    ["the primary key column is missing", ["Price"], config({}), /primary key column "id" is missing/, "primaryKey"],
    ["a chosen column is missing (specific)", ["id"], config({ fieldSelection: "specific" }), /missing the column "Price"/, "fields.1.column"],
  ])("refuses when %s", (_, header, cfg, message, param) => {
    let error: unknown;
    try {
      checkHeaderForConfig(header, cfg);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).type).toBe("INVALID_CSV");
    expect((error as ApiError).message).toMatch(message);
    expect((error as ApiError).param).toBe(param);
  });
});
