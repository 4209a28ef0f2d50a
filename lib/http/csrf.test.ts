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

  it("trusts X-Forwarded-Host only behind a declared proxy", () => {
    const forged = { origin: "http://evil.example", host: "app.test", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(req(forged))).toBe(false);
    expect(isSameOrigin(req(forged), { trustedProxies: 0 })).toBe(false);
    expect(isSameOrigin(req({ origin: "https://tables.example", host: "10.0.0.5:3000", "x-forwarded-host": "tables.example" }), { trustedProxies: 1 })).toBe(true);
  });

  it("accepts PUBLIC_URL's origin", () => {
    expect(isSameOrigin(req({ origin: "https://tables.example", host: "10.0.0.5:3000" }), { publicUrl: "https://tables.example/" })).toBe(true);
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "10.0.0.5:3000" }), { publicUrl: "https://tables.example/" })).toBe(false);
  });
});
