// Contract "Safety": Idempotency-Key, rate-limit headers on every sync answer, compressed bodies.
import { brotliCompressSync, gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { api, makeOwnerSetup } from "../support/fixtures";
import { createConfiguredSync, csvOf, liveRecords, recordsFingerprint, syncRuns } from "../support/sync";

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
beforeEach(async () => {
  owner = await makeOwnerSetup();
});

const csvWith = (n: number, version = "v") => csvOf([["id", "name"], ...Array.from({ length: n }, (_, i) => [String(i + 1), `${version}${i + 1}`])]);
const send = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  api(path, { method: "POST", token: owner.token, headers: { "content-type": "text/csv", ...headers }, body });
const limitOf = (res: { headers: Headers }) => ({
  limit: res.headers.get("ratelimit-limit"),
  remaining: Number(res.headers.get("ratelimit-remaining")),
  reset: Number(res.headers.get("ratelimit-reset")),
});

describe("Idempotency-Key", () => {
  it("answers a retry after a success with the first answer, applies nothing and does not count", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(3) });
    const first = await send(sync.path, csvWith(4), { "idempotency-key": "order-export-0001" });
    expect(first.json).toMatchObject({ status: "applied", created: 1 });
    const runs = (await syncRuns(owner.token, sync)).length;
    const records = await recordsFingerprint(sync.tableId);
    // The retry carries another body: it is the key that identifies the request.
    const retry = await send(sync.path, csvWith(5, "w"), { "idempotency-key": "order-export-0001" });
    expect(retry.status).toBe(first.status);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(limitOf(retry).remaining).toBe(limitOf(first).remaining);
    expect((await syncRuns(owner.token, sync)).length).toBe(runs);
    expect(await recordsFingerprint(sync.tableId)).toBe(records);
    const other = await send(sync.path, csvWith(5), { "idempotency-key": "order-export-0002" });
    expect(other.json).toMatchObject({ status: "applied", created: 1 });
  });

  it("answers a retry after a failure with the same failure, and refuses a key over 255 characters", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(3) });
    const first = await send(sync.path, "name\nx\n", { "idempotency-key": "k-1" });
    expect(first.status).toBe(422);
    const retry = await send(sync.path, csvWith(4), { "idempotency-key": "k-1" });
    expect(retry.status).toBe(422);
    expect(retry.text).toBe(first.text);
    expect(await liveRecords(sync.tableId)).toHaveLength(3);
    const long = await send(sync.path, csvWith(4), { "idempotency-key": "x".repeat(256) });
    expect(long.status).toBe(422);
    expect(long.json.error.message).toMatch(/Idempotency-Key/);
    expect((await send(sync.path, csvWith(4), { "idempotency-key": "x".repeat(255) })).status).toBe(200);
  });
});

describe("rate-limit headers", () => {
  it("count down on every sync answer, errors included, and stop at 0 with 429", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(2) });
    const a = await send(sync.path, csvWith(2));
    expect(limitOf(a)).toMatchObject({ limit: "20", remaining: 18 });
    expect(limitOf(a).reset).toBeGreaterThan(0);
    expect(limitOf(a).reset).toBeLessThanOrEqual(300);
    const b = await send(sync.path, "name\nx\n"); // invalid CSV: counted
    expect(b.status).toBe(422);
    expect(limitOf(b).remaining).toBe(17);
    const c = await send(sync.path, csvWith(2), { "content-type": "text/plain" }); // refused before counting
    expect(c.status).toBe(415);
    expect(limitOf(c).remaining).toBe(17);
    const dry = await send(`${sync.path}?dryRun=true`, csvWith(2));
    expect(limitOf(dry).remaining).toBe(16);
    let last = dry;
    for (let i = 0; i < 16; i++) last = await send(sync.path, csvWith(2));
    expect(limitOf(last).remaining).toBe(0);
    const over = await send(sync.path, csvWith(2));
    expect(over.status).toBe(429);
    expect(limitOf(over).remaining).toBe(0);
    expect(Number(over.headers.get("retry-after"))).toBe(limitOf(over).reset);
  });
});

describe("compressed bodies", () => {
  it("takes gzip and br bodies like plain ones", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(2) });
    const gz = await send(sync.path, gzipSync(csvWith(3)), { "content-encoding": "gzip" });
    expect(gz.json, gz.text).toMatchObject({ status: "applied", created: 1 });
    const br = await send(sync.path, brotliCompressSync(csvWith(4)), { "content-encoding": "br" });
    expect(br.json, br.text).toMatchObject({ status: "applied", created: 1 });
    expect(await liveRecords(sync.tableId)).toHaveLength(4);
  });

  it("refuses a gzip bomb at the limit, a truncated stream, a body over 2 MB only once decompressed, and other encodings", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(2) });
    const before = await recordsFingerprint(sync.tableId);
    // 1 GB once inflated: 16 gzip members of 64 MB each (a gzip stream may hold several).
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, "a"), { level: 9 });
    const bomb = Buffer.concat([gzipSync("id,name\n"), ...Array.from({ length: 16 }, () => member)]);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const refused = await send(sync.path, bomb, { "content-encoding": "gzip" });
    expect(refused.status).toBe(413);
    expect(refused.json.error).toMatchObject({ type: "REQUEST_TOO_LARGE", message: expect.stringMatching(/decompressed body is larger than the limit of 2,097,152 bytes/) });

    const big = `id,name\n${Array.from({ length: 30_000 }, (_, i) => `${i},${"n".repeat(64)}`).join("\n")}\n`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const compressed = gzipSync(big);
    expect(compressed.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect((await send(sync.path, compressed, { "content-encoding": "gzip" })).status).toBe(413);

    const whole = gzipSync(csvWith(3));
    const truncated = await send(sync.path, whole.subarray(0, whole.length - 10), { "content-encoding": "gzip" });
    expect(truncated.status).toBe(422);
    expect(truncated.json.error).toMatchObject({ type: "INVALID_CSV", message: expect.stringMatching(/not valid gzip/) });

    const deflate = await send(sync.path, csvWith(3), { "content-encoding": "deflate" });
    expect(deflate.status).toBe(415);
    expect(deflate.json.error.message).toMatch(/Content-Encoding "deflate"/);
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
  });
});
