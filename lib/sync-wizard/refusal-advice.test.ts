import { describe, expect, it } from "vitest";
import { describeRefusal } from "./refusal-advice";

const refusal = (status: number, type: string) => ({ at: "2026-12-02T00:00:00.000Z", status, type, message: "m" });

describe("describeRefusal", () => {
  it.each([
    [415, "UNSUPPORTED_MEDIA_TYPE", "Wrong content type", /Content-Type: text\/csv/],
    [413, "REQUEST_TOO_LARGE", "Too large", /2 MB/],
    [422, "INVALID_CSV", "Invalid CSV", /--data-binary/],
    [429, "RATE_LIMIT_REACHED", "Rate limited", /Retry-After/],
    [422, "DELETION_SAFEGUARD", "Refused by the deletion safeguard", /allowMassDeletion=true/],
  ])("%i %s", (status, type, title, advice) => {
    const described = describeRefusal(refusal(status, type));
    expect(described.title).toBe(title);
    expect(described.advice).toMatch(advice);
  });

  it("has a plain fallback for anything else", () => {
    expect(describeRefusal(refusal(500, "SERVER_ERROR"))).toEqual({ title: "Refused (500)", advice: expect.stringMatching(/cURL example/) });
  });
});
