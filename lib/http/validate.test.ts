import { describe, expect, it } from "vitest";
import { syncConfigSchema } from "../sync-shapes/config";
import { ApiError } from "../errors";
import { parseBody } from "./validate";

const valid = { tableName: "T", fieldSelection: "all", fields: [{ column: "id", type: "singleLineText" }], primaryKey: "id" };

const messageFor = (body: unknown) => {
  try {
    parseBody(syncConfigSchema, body);
    return "ok";
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).type).toBe("INVALID_REQUEST_UNKNOWN");
    return (err as ApiError).message;
  }
};

describe("parseBody", () => {
  it("returns the parsed value with defaults", () => {
    expect(parseBody(syncConfigSchema, valid)).toMatchObject({ updateMethod: "auto", deletion: "delete", retentionDays: 30 });
  });

  it.each<[string, unknown, RegExp]>([
    ["a body that is not an object", [], /^body: /],
    ["a bad enum", { ...valid, fieldSelection: "some" }, /^fieldSelection: /],
    ["a bad nested type", { ...valid, fields: [{ column: "id", type: "checkbox" }] }, /^fields\.0\.type: /],
    ["a message that already names its parameter", { ...valid, tableName: " " }, /^tableName: must not be empty$/],
    ["a refinement", { ...valid, primaryKey: "other" }, /^primaryKey: /],
    ["a bad number", { ...valid, retentionDays: 1.5 }, /^retentionDays: /],
  ])("names the parameter for %s", (_, body, message) => {
    expect(messageFor(body)).toMatch(message);
  });
});
