// Limits that need a server of their own: every records query runs under
// READ_STATEMENT_TIMEOUT_MS (a second server with a 1 ms limit shows it applies; the suite's own
// server, 5 s default, shows the same wide search answers), and the sign-up form's per-address
// limit at its default (the suite's server raises it for the browser tests).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup, TEST_PASSWORD, uniqueName } from "../support/fixtures";
import { callServerAction } from "../support/server-action";
import { seedTable, type SeedField } from "@/scripts/lib/seed-table";

const COLUMNS = 200;
const ROWS = 1_500;
let strict: AppServer;

beforeAll(async () => {
  strict = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, quiet: true, env: { READ_STATEMENT_TIMEOUT_MS: "1", SIGN_UP_LIMIT_PER_HOUR: "5" } });
});
afterAll(async () => strict?.stop());

async function wideTable() {
  const owner = await makeOwnerSetup();
  const fields: SeedField[] = Array.from({ length: COLUMNS }, (_, i) => ({ name: `c${i}`, type: "singleLineText" }));
  const records = Array.from({ length: ROWS }, (_, r) => ({
    key: `k${String(r).padStart(5, "0")}`,
    cells: Object.fromEntries(fields.slice(1).map((f, i) => [f.name, `v${(r * 31 + i) % 997}`])),
  }));
  const seeded = await seedTable({ baseId: owner.base.id, name: uniqueName("Wide"), fields, records });
  return { ...owner, ...seeded };
}

const read = (appUrl: string, token: string, path: string) =>
  fetch(`${appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({ status: r.status, headers: r.headers, json: await r.json() }));

describe("reads of records are bounded", () => {
  it("answers 503 with Retry-After when a read passes the statement timeout", async () => {
    const t = await wideTable();
    const res = await read(strict.url, t.token, `/v0/${t.base.id}/${t.tableId}?search=zzz&sort%5B0%5D%5Bfield%5D=c5`);
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ type: "RETRIABLE_ERROR", message: expect.stringMatching(/longer than the 0.001 s allowed/) });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("searches a wide table: no match, some matches, and text that JSON escapes", async () => {
    const t = await wideTable();
    const none = await read(process.env.APP_URL!, t.token, `/v0/${t.base.id}/${t.tableId}?search=zzz&sort%5B0%5D%5Bfield%5D=c5`);
    expect(none.status).toBe(200);
    expect(none.json.records).toEqual([]);
    const some = await read(process.env.APP_URL!, t.token, `/v0/${t.base.id}/${t.tableId}?search=V996&fields%5B%5D=c0`);
    expect(some.status).toBe(200);
    expect(some.json.records.length).toBeGreaterThan(0);
    // the raw JSON's own syntax is not a cell value: the pre-filter passes, the records do not
    const syntax = await read(process.env.APP_URL!, t.token, `/v0/${t.base.id}/${t.tableId}?search=%3A`);
    expect(syntax.status).toBe(200);
    expect(syntax.json.records).toEqual([]);
  });
});

describe("sign-up is throttled per address", () => {
  // The attempts count for 127.0.0.1 in the shared database: take them back for later suites.
  afterAll(async () => {
    const { getPool } = await import("@/lib/db");
    await getPool().query(`DELETE FROM rate_limit_events WHERE bucket = 'signup:ip:127.0.0.1'`);
  });

  it("refuses the sixth sign-up from one address within the hour", async () => {
    const attempt = () =>
      fetchAction(strict.url, "signUpAction", [{ name: "x", email: `${uniqueName("signup")}@example.test`, password: TEST_PASSWORD }]);
    for (let i = 0; i < 5; i++) expect(await attempt()).not.toContain("Too many sign-ups");
    expect(await attempt()).toContain("Too many sign-ups from your address");
  });
});

async function fetchAction(appUrl: string, name: string, args: unknown[]) {
  const res = await callServerAction(name, args, { origin: new URL(appUrl).origin }, appUrl);
  expect(res.status).toBeLessThan(400);
  return res.text;
}

describe("a read stops in Postgres when its client leaves", () => {
  it("cancels the query of an aborted request", async () => {
    const owner = await makeOwnerSetup();
    const fields: SeedField[] = Array.from({ length: 500 }, (_, i) => ({ name: `c${i}`, type: "singleLineText" }));
    const records = Array.from({ length: 2_000 }, (_, r) => ({
      key: `k${String(r).padStart(5, "0")}`,
      cells: Object.fromEntries(fields.slice(1).map((f, i) => [f.name, `v${(r * 31 + i) % 997}`])),
    }));
    const t = await seedTable({ baseId: owner.base.id, name: uniqueName("Wide"), fields, records });
    // Ten sorts on the last columns: each parses every record's 5 KB of JSON twice, seconds of work.
    const sorts = Array.from({ length: 10 }, (_, i) => `sort%5B${i}%5D%5Bfield%5D=c${499 - i}`).join("&");
    const path = `/v0/${owner.base.id}/${t.tableId}?${sorts}`;
    const { getPool } = await import("@/lib/db");
    const running = async () =>
      (await getPool().query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%AS s9%'`)).rows[0].n as number;

    // Uncancelled, the read runs its full course (or to the 5 s statement timeout).
    const started = Date.now();
    const full = await fetch(`${process.env.APP_URL}${path}`, { headers: { authorization: `Bearer ${owner.token}` } });
    const fullMs = Date.now() - started;
    expect([200, 503]).toContain(full.status);
    expect(fullMs).toBeGreaterThan(600); // long enough for the comparison below to mean something

    // Aborted as soon as it runs, it must be gone from Postgres long before that.
    const controller = new AbortController();
    const sentAt = Date.now();
    const request = fetch(`${process.env.APP_URL}${path}`, { headers: { authorization: `Bearer ${owner.token}` }, signal: controller.signal }).catch(() => null);
    await waitFor(async () => (await running()) === 1, fullMs);
    controller.abort();
    await request;
    await waitFor(async () => (await running()) === 0, fullMs);
    expect(Date.now() - sentAt).toBeLessThan(fullMs * 0.6);
  });
});

async function waitFor(condition: () => Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
