import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    ["/bases/appAAAAAAAAAAAAAA", "/bases/appAAAAAAAAAAAAAA"],
    ["/tokens?x=1#top", "/tokens?x=1#top"],
    ["/a/../tokens", "/tokens"],
  ])("keeps the same-origin path %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "bases",
    "https://evil.test/",
    "//evil.test",
    "/\\evil.test",
    "/\t/evil.test", // the review's %2F%09%2Fevil.test: browsers drop the tab
    "/\t\\evil.test", // %2F%09%5Cevil.test
    "/\n/evil.test", // %0A broke the Location header
    "/\r\n/evil.test",
    "/\u0000/evil.test",
    "/\u007f/evil.test",
    "/x\\y",
  ])("refuses %j and sends home", (next) => {
    const result = safeNext(next);
    expect(result).toBe("/");
    expect(new URL(result, "http://app.test").origin).toBe("http://app.test");
  });
});
