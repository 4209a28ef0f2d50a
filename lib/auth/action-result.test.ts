import { describe, expect, it } from "vitest";
import { ApiError, forbidden, invalidRequest } from "../errors";
import { toActionFailure } from "./action-result";

describe("toActionFailure", () => {
  it("turns a field error into a sentence with its field", () => {
    expect(toActionFailure(invalidRequest("email: an account with a@b.c already exists"))).toEqual({
      ok: false,
      error: "An account with a@b.c already exists.",
      field: "email",
    });
  });
  it("hides the reason of a permission error", () => {
    expect(toActionFailure(forbidden())).toEqual({ ok: false, error: "You do not have permission to do that." });
  });
  it("rethrows anything that is not an ApiError", () => {
    expect(() => toActionFailure(new Error("boom"))).toThrow("boom");
    expect(toActionFailure(new ApiError("NOT_FOUND", "Gone."))).toEqual({ ok: false, error: "Gone.", field: undefined });
  });
});
