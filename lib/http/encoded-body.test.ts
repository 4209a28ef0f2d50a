import { brotliCompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { readEncodedBody } from "./encoded-body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://example.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.type}` : String(err);
  }
};

const csv = "id,name\n1,Ada\n2,Grace\n".repeat(100);

describe("readEncodedBody", () => {
  it("reads plain, gzip and br bodies", async () => {
    expect(Buffer.from(await readEncodedBody(post(csv), 1000_000)).toString()).toBe(csv);
    expect(Buffer.from(await readEncodedBody(post(gzipSync(csv), { "content-encoding": "gzip" }), 1000_000)).toString()).toBe(csv);
    expect(Buffer.from(await readEncodedBody(post(brotliCompressSync(csv), { "content-encoding": "BR" }), 1000_000)).toString()).toBe(csv);
  });

  it("accepts a decompressed body of exactly the limit and refuses one byte more", async () => {
    const exact = "x".repeat(5000);
    expect(await readEncodedBody(post(gzipSync(exact), { "content-encoding": "gzip" }), 5000)).toHaveLength(5000);
    expect(await failure(readEncodedBody(post(gzipSync(`${exact}y`), { "content-encoding": "gzip" }), 5000))).toBe("413 REQUEST_TOO_LARGE");
  });

  it("stops a gzip bomb at the limit without inflating it", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(100_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(await failure(readEncodedBody(post(bomb, { "content-encoding": "gzip" }), 2 * 1024 * 1024))).toBe("413 REQUEST_TOO_LARGE");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it("refuses a compressed body over the limit as sent", async () => {
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251));
    expect(await failure(readEncodedBody(post(gzipSync(noise, { level: 0 }), { "content-encoding": "gzip" }), 10_000))).toBe("413 REQUEST_TOO_LARGE");
  });

  it("refuses truncated and corrupt streams as INVALID_CSV", async () => {
    const gz = gzipSync(csv);
    expect(await failure(readEncodedBody(post(gz.subarray(0, gz.length - 12), { "content-encoding": "gzip" }), 1000_000))).toBe("422 INVALID_CSV");
    const br = brotliCompressSync(csv);
    expect(await failure(readEncodedBody(post(br.subarray(0, br.length - 5), { "content-encoding": "br" }), 1000_000))).toBe("422 INVALID_CSV");
    expect(await failure(readEncodedBody(post(csv, { "content-encoding": "gzip" }), 1000_000))).toBe("422 INVALID_CSV");
  });

  it("refuses other encodings with 415", async () => {
    expect(await failure(readEncodedBody(post(csv, { "content-encoding": "deflate" }), 1000_000))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
    expect(await failure(readEncodedBody(post(csv, { "content-encoding": "gzip, br" }), 1000_000))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
  });
});
