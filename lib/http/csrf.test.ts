import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./csrf";

const req = (headers: Record<string, string>) => new Request("http://app.test/v0/meta/x", { method: "POST", headers });

describe("isSameOrigin (CSRF check for cookie-authenticated writes)", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin" }, true],
    [{ "sec-fetch-site": "same-site" }, false],
    [{ "sec-fetch-site": "cross-site", origin: "http://app.test", host: "app.test" }, false],
    [{ origin: "http://app.test", host: "app.test" }, true],
    [{ origin: "https://evil.example", host: "app.test" }, false],
    [{ host: "app.test" }, false],
    [{ origin: "null", host: "app.test" }, false],
  ])("%j → %s", (headers, expected) => expect(isSameOrigin(req(headers))).toBe(expected));
});
