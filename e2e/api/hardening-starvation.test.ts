// One base's queued syncs must not starve other tenants: a sync waiting for its table's lock
// holds no pooled connection. A server with a small pool (4) and a dozen syncs queued on one
// locked table still answers an unrelated user at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup, SCOPES } from "../support/fixtures";
import { createConfiguredSync, csvOf, holdTableLock } from "../support/sync";

let small: AppServer;

beforeAll(async () => {
  small = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, quiet: true, env: { DB_POOL_MAX: "4", LOCK_TIMEOUT_MS: "30000" } });
});
afterAll(async () => small?.stop());

describe("lock waits and the shared pool", () => {
  it("answers another tenant while 12 syncs wait for one table's lock", async () => {
    const attacker = await makeOwnerSetup({ scopes: [...SCOPES] });
    const victim = await makeOwnerSetup({ scopes: [...SCOPES] });
    const csv = csvOf([["id", "n"], ...Array.from({ length: 50 }, (_, i) => [`k${i}`, String(i)])]);
    const sync = await createConfiguredSync({ token: attacker.token, baseId: attacker.base.id, csv });
    const lock = await holdTableLock(sync.tableId);
    let queued: Promise<number>[] = [];
    try {
      queued = Array.from({ length: 12 }, () =>
        fetch(`${small.url}${sync.path}`, { method: "POST", headers: { authorization: `Bearer ${attacker.token}`, "content-type": "text/csv" }, body: csv }).then(
          (r) => r.status,
          () => 0,
        ),
      );
      await new Promise((r) => setTimeout(r, 1_500)); // all twelve are in, waiting for the lock
      const started = Date.now();
      const other = await fetch(`${small.url}/v0/meta/bases`, { headers: { authorization: `Bearer ${victim.token}` } });
      expect(other.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await lock.release();
    }
    // Once the lock is free the queued syncs run one after another and all succeed.
    expect(await Promise.all(queued)).toEqual(Array(12).fill(200));
  });
});
