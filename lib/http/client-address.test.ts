import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustProxy } from "./client-address";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("uses the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(h({ "x-tablesync-peer": "203.0.113.9", "x-forwarded-for": "1.1.1.1" }), 0)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-tablesync-peer": "203.0.113.9", "x-forwarded-for": "1.1.1.1, 2.2.2.2" }), 0)).toBe("203.0.113.9");
  });

  it("behind N proxies takes the right-most hop they did not add", () => {
    // client 198.51.100.7 claims 1.1.1.1; the proxy (peer 10.0.0.2) appends what it saw
    const headers = h({ "x-tablesync-peer": "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.7" });
    expect(clientAddress(headers, 1)).toBe("198.51.100.7");
    // two proxies: CDN appended the client, the load balancer appended the CDN
    const two = h({ "x-tablesync-peer": "10.0.0.3", "x-forwarded-for": "1.1.1.1, 198.51.100.7, 172.16.0.9" });
    expect(clientAddress(two, 2)).toBe("198.51.100.7");
    // fewer hops than declared: the left-most there is
    expect(clientAddress(h({ "x-tablesync-peer": "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });
});

describe("parseTrustProxy", () => {
  it.each([
    [undefined, 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["2", 2],
  ])("%j → %i", (raw, hops) => expect(parseTrustProxy(raw)).toBe(hops));
  it("refuses anything else", () => expect(() => parseTrustProxy("yes")).toThrow(/TRUST_PROXY/));
});
