import { describe, expect, it } from "vitest";
import { AIRTABLE_LIMITS, formatBytes } from "./limits";

describe("formatBytes", () => {
  it.each([
    [AIRTABLE_LIMITS.maxBodyBytes, "2 MB"],
    [40 * 1024 * 1024, "40 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
    [2 * 1024 * 1024 + 1, "2 MB"],
    [900 * 1024, "900 KB"],
    [1000, "1000 bytes"],
    [3 * 1024 * 1024 * 1024, "3 GB"],
  ])("%d bytes → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
