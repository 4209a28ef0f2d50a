import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./errors";

describe("toApiError", () => {
  it.each([
    [{ code: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00" }],
    [{ code: "22003", message: "value overflows numeric format" }],
    [{ name: "DriverAdapterError", message: "x", cause: { originalCode: "22P02" } }],
  ])("turns a Postgres data exception into a 422, never a 500: %j", (err) => {
    const api = toApiError(err);
    expect([api.status, api.type]).toEqual([422, "INVALID_REQUEST_UNKNOWN"]);
  });

  it("keeps other failures as they were", () => {
    expect(toApiError(new Error("boom")).status).toBe(500);
    expect(toApiError({ code: "57P01" }).status).toBe(503);
    expect(toApiError(new ApiError("NOT_FOUND", "x")).status).toBe(404);
  });
});
