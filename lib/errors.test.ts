import { describe, expect, it } from "vitest";
import { ApiError, invalidCsv, invalidRequest, messageDetail, toApiError, toSentence } from "./errors";

describe("ApiError.param", () => {
  it.each([
    ["name: at most 100 characters", "name"],
    ["sort[0][field]: missing", "sort[0][field]"],
    ["fields.0.type: Invalid option", "fields.0.type"],
    ["The request body is empty.", undefined],
    ["Try again: later", undefined],
  ])("%j → %s", (message, param) => {
    expect(invalidRequest(message).param).toBe(param);
  });

  it("takes the validator's param over the message's lead", () => {
    expect(invalidRequest('fields: column "x" is not in the latest CSV', "fields.3.column").param).toBe("fields.3.column");
    expect(invalidCsv("The primary key column is missing.", "primaryKey").param).toBe("primaryKey");
    expect(invalidCsv("fields: not a param here").param).toBeUndefined();
  });
});

describe("messageDetail", () => {
  it.each([
    [{ message: "tableName: must not be empty", param: "tableName" }, "must not be empty"],
    [{ message: "fields.0.type: Invalid option", param: "fields.0.type" }, "Invalid option"],
    [{ message: 'fields: column "x" is missing', param: "fields.2.column" }, 'column "x" is missing'],
    [{ message: "The CSV header is missing the column \"x\".", param: "fields.0.column" }, "The CSV header is missing the column \"x\"."],
    [{ message: "name: too long" }, "name: too long"],
  ])("%j → %j", (error, detail) => {
    expect(messageDetail(error)).toBe(detail);
  });
});

describe("toSentence", () => {
  it.each([
    ["must not be empty", "Must not be empty."],
    ["Done!", "Done!"],
    ["", ""],
  ])("%j → %j", (text, sentence) => {
    expect(toSentence(text)).toBe(sentence);
  });
});

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

describe("toApiError", () => {
  it.each([
    [new Error("Connection terminated unexpectedly"), "RETRIABLE_ERROR"],
    // pg's answer to a statement issued on a connection that already broke (one queued behind a
    // body still being compressed, say)
    [new Error("Client has encountered a connection error and is not queryable"), "RETRIABLE_ERROR"],
    [Object.assign(new Error("the database system is shutting down"), { code: "57P03" }), "RETRIABLE_ERROR"],
    [Object.assign(new Error("invalid byte sequence"), { code: "22021" }), "INVALID_REQUEST_UNKNOWN"],
    [new Error("something else"), "SERVER_ERROR"],
  ])("%s → %s", (err, type) => {
    expect(toApiError(err).type).toBe(type);
  });
});
