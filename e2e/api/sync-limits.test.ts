// The rate limit (20 sync requests per 5 minutes per base) and the 503 of a table whose lock
// cannot be had in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { api, makeOwnerSetup, makeToken, SCOPES } from "../support/fixtures";
import { createConfiguredSync, csvOf, holdTableLock, postCsv, recordsFingerprint, syncRuns } from "../support/sync";

const csv = (n: number) => csvOf([["id", "n"], ...Array.from({ length: n }, (_, i) => [`k${i}`, String(i)])]);

describe("429 RATE_LIMIT_REACHED", () => {
  it("refuses the 21st sync request in 5 minutes for a base, with Retry-After; refused requests do not count", async () => {
    const { user, base, token } = await makeOwnerSetup({ scopes: [...SCOPES] });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csv(3) }); // request 1
    // Refused for auth, scope, media type or size: these never reach the base's allowance.
    const recordsOnly = await makeToken(user.id, { scopes: ["data.records:write"], baseIds: [base.id] });
    expect((await postCsv(sync.path, "", csv(1))).status).toBe(401);
    expect((await postCsv(sync.path, recordsOnly.token, csv(1))).status).toBe(403);
    expect((await postCsv(sync.path, token, csv(1), "text/plain")).status).toBe(415);
    expect((await postCsv(sync.path, token, `id\n${"x".repeat(2_100_000)}\n`)).status).toBe(413);

    // An invalid CSV reaches the base: it counts (request 2).
    expect((await postCsv(sync.path, token, "")).status).toBe(422);
    for (let i = 3; i <= 20; i++) {
      const res = await postCsv(sync.path, token, csv(3));
      expect(res.status, `request ${i}: ${res.text}`).toBe(200);
    }
    const fingerprint = await recordsFingerprint(sync.tableId);
    const refused = await postCsv(sync.path, token, csv(5));
    expect(refused.status).toBe(429);
    expect(refused.json.error.type).toBe("RATE_LIMIT_REACHED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(await recordsFingerprint(sync.tableId)).toBe(fingerprint);
    // The management API is not rate limited.
    expect((await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}/run`, { method: "POST", token })).status).toBe(200);
  });
});

describe("503 RETRIABLE_ERROR", () => {
  // A second app server on the same database whose syncs wait at most 300 ms for a table's lock.
  let impatient: AppServer;
  beforeAll(async () => {
    impatient = await startAppServer({
      databaseUrl: process.env.DATABASE_URL!,
      embedded: process.env.TABLESYNC_EMBEDDED === "1",
      quiet: true,
      env: { LOCK_TIMEOUT_MS: "300" },
    });
  });
  afterAll(async () => {
    await impatient?.stop();
  });

  it("answers 503 with Retry-After when the table's lock cannot be had in time, and changes nothing", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: [...SCOPES] });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csv(3) });
    const fingerprint = await recordsFingerprint(sync.tableId);
    const lock = await holdTableLock(sync.tableId);
    let res: Response;
    try {
      res = await fetch(`${impatient.url}${sync.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv(10),
      });
    } finally {
      await lock.release();
    }
    expect(res.status).toBe(503);
    expect((await res.json()).error.type).toBe("RETRIABLE_ERROR");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await recordsFingerprint(sync.tableId)).toBe(fingerprint);
    expect((await syncRuns(token, sync))[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/try again/i) });

    // Once the lock is free the same request succeeds.
    const retry = await fetch(`${impatient.url}${sync.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: csv(10),
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ status: "applied", created: 7, unchanged: 3 });
  });
});
