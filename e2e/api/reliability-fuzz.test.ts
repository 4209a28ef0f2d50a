// Hostile input: thousands of random and mutated bodies, header lines and content types thrown
// at the sync endpoint. Every answer is a 2xx or a contract 4xx, the server never falls over,
// and a refused request never changes a record.
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup } from "../support/fixtures";
import { setupSyncOverHttp, type SyncHandle } from "@/scripts/lib/sync-over-http";
import { recordsFingerprintAt } from "../support/sync";

const databaseUrl = process.env.DATABASE_URL!;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const COLUMNS = ["id", "amount", "when", "note", "n"];
const CONTRACT_4XX: Record<number, string[]> = {
  413: ["REQUEST_TOO_LARGE"],
  415: ["UNSUPPORTED_MEDIA_TYPE"],
  // A body whose rows all lack a key would delete every record: the deletion safeguard refuses it.
  422: ["INVALID_CSV", "DELETION_SAFEGUARD"],
};

let server: AppServer;
let token: string;
let sync: SyncHandle;
let fingerprint: Awaited<ReturnType<typeof recordsFingerprintAt>>;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl, quiet: true, env: { SYNC_RATE_LIMIT_MAX: "1000000" } });
  const setup = await makeOwnerSetup();
  token = setup.token;
  sync = await setupSyncOverHttp({
    appUrl: server.url,
    token,
    baseId: setup.base.id,
    csv: "id,amount,when,note,n\nA,$1.50,2025-01-02,hello,3\n",
    config: {
      tableName: "Fuzz",
      fieldSelection: "specific",
      fields: [
        { column: "id", type: "singleLineText" },
        { column: "amount", type: "currency", options: { precision: 2, symbol: "$" } },
        { column: "when", type: "date", options: { dateFormat: "us" } },
        { column: "note", type: "multilineText" },
        { column: "n", type: "number", options: { precision: 1 } },
      ],
      primaryKey: "id",
      updateMethod: "auto",
      deletion: "delete",
    },
  });
  fingerprint = await recordsFingerprintAt(databaseUrl, sync.tableId);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

// Sends one request and checks the answer against the contract; a refusal must change nothing.
async function send(body: BodyInit, contentType: string | null, extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...extraHeaders };
  if (contentType !== null) headers["content-type"] = contentType;
  const res = await fetch(`${server.url}${sync.path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  const text = await res.text();
  const json = JSON.parse(text);
  if (res.status === 200) {
    expect(json.success).toBe(true);
    fingerprint = await recordsFingerprintAt(databaseUrl, sync.tableId);
  } else {
    expect(Object.keys(CONTRACT_4XX).map(Number), `unexpected ${res.status}: ${text}`).toContain(res.status);
    expect(CONTRACT_4XX[res.status]).toContain(json.error.type);
    expect(typeof json.error.message).toBe("string");
    expect(await recordsFingerprintAt(databaseUrl, sync.tableId)).toEqual(fingerprint);
  }
  expect(server.process.exitCode).toBeNull();
  return { status: res.status, json };
}

// Long values: a key past what an index entry can hold (random letters do not compress) and a bad
// value whose quoted excerpt (200 characters) would end inside the emoji.
const randomLetters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const LONG = randomLetters(3_000);
const CUT_INSIDE_EMOJI = `${"x".repeat(199)}😀`;

const nasty = fc.constantFrom(
  LONG,
  CUT_INSIDE_EMOJI,
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '"',
  '""',
  "a\u0000b",
  "\r\n",
  "\n",
  ",",
  "\uFEFF",
  "\u202E",
  "😀",
  "$-1,234.50",
  "12/31/2024",
  "2024-02-30",
  "1e309",
  "NaN",
);
const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), nasty);

const quote = (v: string) => (/[",\r\n]/.test(v) || Math.random() < 0.1 ? `"${v.replace(/"/g, '""')}"` : v);

const header = fc.oneof(
  fc.shuffledSubarray(COLUMNS, { minLength: 1 }).map((cols) => (cols.includes("id") ? cols : ["id", ...cols])),
  fc.array(fc.oneof(fc.constantFrom(...COLUMNS, "ID", "", " ", "extra", randomLetters(300)), fc.string({ maxLength: 6 })), { minLength: 0, maxLength: 8 }),
);

const csvText = fc
  .tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(([cols, rows, eol, bom]) => (bom ? "\uFEFF" : "") + [cols, ...rows].map((r) => r.map(quote).join(",")).join(eol));

const mutate = fc
  .tuple(csvText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "insert", "delete")), { maxLength: 6 }))
  .map(([text, edits]) => {
    const bytes = [...Buffer.from(text, "utf8")];
    for (const [at, byte, op] of edits) {
      const i = bytes.length ? at % bytes.length : 0;
      if (op === "flip") bytes[i] = byte;
      else if (op === "insert") bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    return Buffer.from(bytes);
  });

// Clean rows with those long values: in the random bodies above a NUL or a bad header elsewhere
// usually has the request refused before its rows reach the database.
const longValues = fc
  .tuple(fc.shuffledSubarray(COLUMNS, { minLength: 1 }), fc.array(fc.array(fc.constantFrom(LONG, CUT_INSIDE_EMOJI, "7", "x"), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 4 }))
  .map(([cols, rows]) => {
    const head = cols.includes("id") ? cols : ["id", ...cols];
    return Buffer.from([head, ...rows.map((r) => r.slice(0, head.length))].map((r) => r.join(",")).join("\n"), "utf8");
  });

const body = fc.oneof(
  { weight: 4, arbitrary: csvText.map((t) => Buffer.from(t, "utf8")) },
  { weight: 3, arbitrary: mutate },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: longValues },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("text/csv", "text/csv; charset=utf-8", "TEXT/CSV") },
  { weight: 1, arbitrary: fc.constantFrom(null, "application/json", "text/plain", "multipart/form-data; boundary=x", "text/csvx", ";;") },
);

describe("the sync endpoint under hostile input", () => {
  it(`answers ${RUNS} random and mutated requests with a 2xx or a contract 4xx, changing nothing when it refuses`, async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (b, ct) => {
        await send(b, ct);
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
  }, 600_000);

  it("refuses a 64 MB body sent without Content-Length, without reading it all", async () => {
    const TOTAL = 64 * 1024 * 1024; // far more than socket buffers can hide
    const chunk = Buffer.alloc(64 * 1024, "a,");
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent >= TOTAL) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const result = await send(stream, "text/csv").catch((err: Error) => err);
    // The server answers 413 and closes the connection; a client still writing may see the close
    // (EPIPE) before the answer. Either way it must not have taken the whole body.
    if (result instanceof Error) expect(sent).toBeLessThan(TOTAL);
    else {
      expect(result.status).toBe(413);
      expect(result.json.error.type).toBe("REQUEST_TOO_LARGE");
    }
    expect(await recordsFingerprintAt(databaseUrl, sync.tableId)).toEqual(fingerprint);
  });

  it("refuses 100,000 columns in the header", async () => {
    const cols = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const { status, json } = await send(`id,${cols}\nA,1\n`, "text/csv");
    expect(status).toBe(422);
    expect(json.error.message).toMatch(/500/);
  });

  it("takes a single field just under 2 MB whole, and refuses one just over", async () => {
    const big = "x".repeat(2 * 1024 * 1024 - 100);
    const ok = await send(`id,amount,when,note,n\nBIG,,,${big},\n`, "text/csv");
    expect(ok.status).toBe(200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT r.cells::json->>f.slot::text AS note FROM records r JOIN fields f ON f.table_id = r.table_id AND f.column = 'note' WHERE r.table_id = $1 AND r.key = 'BIG'`,
      [sync.tableId],
    );
    await client.end();
    expect(rows[0].note.length).toBe(big.length);
    const tooBig = await send(`id,amount,when,note,n\nBIG,,,${big}${"y".repeat(200)},\n`, "text/csv");
    expect(tooBig.status).toBe(413);
  });

  it("keeps deeply quoted fields, formula-like values and HTML exactly as text", async () => {
    const values = ['"'.repeat(501), "=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1)", "@cmd", "<script>alert('x')</script>", "</td><b>bold</b>"];
    const csv = ["id,amount,when,note,n", ...values.map((v, i) => `Q${i},,,"${v.replace(/"/g, '""')}",`)].join("\n");
    const { status } = await send(csv, "text/csv");
    expect(status).toBe(200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT r.key, r.cells::json->>f.slot::text AS note FROM records r JOIN fields f ON f.table_id = r.table_id AND f.column = 'note'
        WHERE r.table_id = $1 AND r.deleted_at IS NULL ORDER BY r.key`,
      [sync.tableId],
    );
    await client.end();
    expect(rows.map((r) => r.note)).toEqual(values);
  });

  it("is still serving after all of it", async () => {
    const res = await fetch(`${server.url}/v0/meta/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });
});
