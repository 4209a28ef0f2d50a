import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { publicOrigin, readCappedBody, readJsonBody, requireContentType } from "./body";

// highWaterMark 0: the stream pulls only when the reader asks, so pulls count reads.
const streamOf = (chunks: Uint8Array[], onPull?: () => void) =>
  new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.();
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://example.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

const typeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (err) {
    return err instanceof ApiError ? err.type : String(err);
  }
};

describe("readCappedBody", () => {
  it("reads a body up to and including the cap", async () => {
    const bytes = await readCappedBody(post(streamOf([new Uint8Array(6), new Uint8Array(4)])), 10);
    expect(bytes).toHaveLength(10);
    expect(await readCappedBody(post(null), 10)).toHaveLength(0);
  });

  it("returns the bytes as sent, in order, with or without a declared length, and when the declared length is wrong", async () => {
    const chunks = () => [Uint8Array.of(1, 2, 3), Uint8Array.of(4), Uint8Array.of(5, 6)];
    const expected = [1, 2, 3, 4, 5, 6];
    expect([...(await readCappedBody(post(streamOf(chunks())), 100))]).toEqual(expected);
    const exact = await readCappedBody(post(streamOf(chunks()), { "content-length": "6" }), 100);
    expect([...exact]).toEqual(expected);
    expect(exact.buffer.byteLength).toBe(6); // held once: the buffer of the declared length itself
    for (const declared of ["2", "9", "x"]) {
      expect([...(await readCappedBody(post(streamOf(chunks()), { "content-length": declared }), 100))]).toEqual(expected);
    }
    const large = Array.from({ length: 40 }, (_, i) => new Uint8Array(10_000).fill(i));
    const read = await readCappedBody(post(streamOf(large)), 1_000_000);
    expect(read).toHaveLength(400_000);
    expect([read[0], read[10_000], read[399_999]]).toEqual([0, 1, 39]);
  });

  it("stops reading once a body without Content-Length passes the cap", async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(4));
    expect(await typeOf(readCappedBody(post(streamOf(chunks, () => pulls++)), 10))).toBe("REQUEST_TOO_LARGE");
    expect(pulls).toBeLessThan(10);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    let pulls = 0;
    const req = post(streamOf([new Uint8Array(4)], () => pulls++), { "content-length": "11" });
    expect(await typeOf(readCappedBody(req, 10))).toBe("REQUEST_TOO_LARGE");
    expect(pulls).toBe(0);
  });
});

describe("requireContentType", () => {
  it.each([
    ["text/csv", "ok"],
    ["Text/CSV; charset=utf-8", "ok"],
    ["text/csv;charset=UTF-8", "ok"],
    ["text/plain", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/json", "UNSUPPORTED_MEDIA_TYPE"],
    ["", "UNSUPPORTED_MEDIA_TYPE"],
  ])("%j → %s", async (type, expected) => {
    const req = new Request("http://example.test/x", { method: "POST", headers: type ? { "content-type": type } : {} });
    expect(await typeOf(Promise.resolve().then(() => requireContentType(req, "text/csv")))).toBe(expected);
  });
});

describe("readJsonBody", () => {
  it("parses JSON and refuses what is not", async () => {
    expect(await readJsonBody(post('{"name":"x"}'))).toEqual({ name: "x" });
    expect(await typeOf(readJsonBody(post("{nope")))).toBe("INVALID_REQUEST_UNKNOWN");
    expect(await typeOf(readJsonBody(post("")))).toBe("INVALID_REQUEST_UNKNOWN");
  });
});

describe("publicOrigin", () => {
  it("prefers PUBLIC_URL, without a trailing slash", () => {
    const req = new Request("http://127.0.0.1:3000/v0/x");
    expect(publicOrigin(req, "https://sync.example.com/")).toBe("https://sync.example.com");
    expect(publicOrigin(req, undefined)).toBe("http://127.0.0.1:3000");
  });

  it("uses the address the client called, not the one the server bound to", () => {
    const direct = new Request("http://0.0.0.0:3000/v0/x", { headers: { host: "localhost:3000" } });
    expect(publicOrigin(direct, undefined)).toBe("http://localhost:3000");
    const proxied = new Request("http://0.0.0.0:3000/v0/x", {
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "sync.example.com", "x-forwarded-proto": "https" },
    });
    expect(publicOrigin(proxied, undefined, 1)).toBe("https://sync.example.com");
  });

  it("ignores X-Forwarded-Host/-Proto without TRUST_PROXY, and a Host that is not a plain host", () => {
    const forged = new Request("http://0.0.0.0:3000/v0/x", {
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(publicOrigin(forged, undefined)).toBe("http://10.0.0.5:3000");
    for (const host of ["evil.example/path", "user@evil.example", "a b", "evil.example:99999999"]) {
      const odd = new Request("http://127.0.0.1:3000/v0/x", { headers: { host } });
      expect(publicOrigin(odd, undefined)).toBe("http://127.0.0.1:3000");
    }
    const ipv6 = new Request("http://127.0.0.1:3000/v0/x", { headers: { host: "[::1]:3000" } });
    expect(publicOrigin(ipv6, undefined)).toBe("http://[::1]:3000");
  });
});
