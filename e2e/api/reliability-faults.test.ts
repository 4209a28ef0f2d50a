// Faults: a server killed in the middle of a sync, and the database going away during requests.
// Runs against a private PostgreSQL server of its own, so stopping it disturbs no other test.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { startPrivatePostgres, type PrivatePostgres } from "@/scripts/lib/private-postgres";
import { applyMigrations } from "@/scripts/lib/migrate";
import { setupSyncOverHttp, textConfig, type SyncHandle } from "@/scripts/lib/sync-over-http";
import { generateCsv, postCsvTo, recordsFingerprintAt } from "../support/sync";

let database: PrivatePostgres;
let server: AppServer;
let token: string;
let sync: SyncHandle;

function admin(...args: string[]): string {
  return execFileSync("npm", ["run", "--silent", "admin", "--", ...args], { env: { ...process.env, DATABASE_URL: database.url } })
    .toString()
    .trim();
}

// Resolves once a transaction that has written something has been open for a while on the
// private server: the sync's transaction, since nothing else writes there during the test.
async function waitForOpenWriteTransaction(timeoutMs = 20_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND backend_xid IS NOT NULL AND xact_start < now() - interval '20 milliseconds'`,
      );
      if (rows[0].n > 0) return true;
      await new Promise((r) => setTimeout(r, 3));
    }
    return false;
  } finally {
    await client.end();
  }
}

const runsOf = async (s: AppServer) => {
  const res = await fetch(`${s.url}/v0/meta/bases/${sync.baseId}/syncs/${sync.syncId}/runs`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()).runs as { id: string; status: string }[];
};

beforeAll(async () => {
  database = await startPrivatePostgres();
  await applyMigrations(database.url);
  admin("user:create", "--email", "fault@example.test", "--password", "a long password");
  const baseId = admin("base:create", "--owner", "fault@example.test", "--name", "Faults");
  token = admin("token:create", "--email", "fault@example.test", "--name", "faults", "--scopes", "data.records:write,schema.bases:write,schema.bases:read", "--bases", baseId);
  server = await startAppServer({ databaseUrl: database.url, quiet: true, env: { SYNC_RATE_LIMIT_MAX: "1000" } });
  sync = await setupSyncOverHttp({ appUrl: server.url, token, baseId, csv: generateCsv({ rows: 10_000, seed: "v1" }), config: textConfig("Faults") });
}, 120_000);

afterAll(async () => {
  await server?.stop("SIGKILL");
  database?.destroy();
});

describe("a server killed in the middle of a 10,000-row sync", () => {
  it("leaves exactly the previous records, no applied run, and the next request succeeds", async () => {
    const before = await recordsFingerprintAt(database.url, sync.tableId);
    expect(before.live).toBe(10_000);
    let killed = false;
    for (let attempt = 0; attempt < 5 && !killed; attempt++) {
      const request = postCsvTo(server.url, sync.path, token, generateCsv({ rows: 10_000, seed: `v2-${attempt}` })).then(
        (res) => res.status,
        () => "connection lost" as const,
      );
      if (await waitForOpenWriteTransaction()) {
        server.process.kill("SIGKILL");
        killed = (await request) === "connection lost";
      }
      await server.stop("SIGKILL");
      if (!killed) {
        // The sync committed before the kill landed: that run is legitimately applied; try again.
        server = await startAppServer({ databaseUrl: database.url, quiet: true, env: { SYNC_RATE_LIMIT_MAX: "1000" } });
        Object.assign(before, await recordsFingerprintAt(database.url, sync.tableId));
      }
    }
    expect(killed).toBe(true);
    expect(await recordsFingerprintAt(database.url, sync.tableId)).toEqual(before);

    server = await startAppServer({ databaseUrl: database.url, quiet: true, env: { SYNC_RATE_LIMIT_MAX: "1000" } });
    const runsAfterKill = await runsOf(server);
    expect(runsAfterKill.filter((r) => r.status === "running")).toEqual([]);

    const res = await postCsvTo(server.url, sync.path, token, generateCsv({ rows: 10_000, seed: "v3" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, status: "applied", updated: 10_000 });
  }, 180_000);
});

describe("the database going away", () => {
  it("answers 503 with the contract's JSON while Postgres is down, and recovers when it returns", async () => {
    database.stop();
    try {
      for (const send of [
        () => postCsvTo(server.url, sync.path, token, generateCsv({ rows: 5 })),
        () => fetch(`${server.url}/v0/meta/whoami`, { headers: { authorization: `Bearer ${token}` } }),
      ]) {
        const res = await send();
        expect(res.status).toBe(503);
        expect(res.headers.get("content-type")).toContain("application/json");
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await res.json()).error).toEqual({ type: "RETRIABLE_ERROR", message: expect.any(String) });
      }
    } finally {
      database.start();
    }
    const res = await postCsvTo(server.url, sync.path, token, generateCsv({ rows: 10_000, seed: "v4" }));
    expect(res.status).toBe(200);
  }, 120_000);

  it("answers 503 when Postgres stops in the middle of a sync, and keeps the previous records", async () => {
    const before = await recordsFingerprintAt(database.url, sync.tableId);
    const request = postCsvTo(server.url, sync.path, token, generateCsv({ rows: 10_000, seed: "v5" }));
    const caught = await waitForOpenWriteTransaction();
    database.stop();
    let status: number;
    let body: { error?: { type: string } };
    try {
      const res = await request;
      status = res.status;
      body = await res.json();
    } finally {
      database.start();
    }
    if (caught) {
      expect(status).toBe(503);
      expect(body.error?.type).toBe("RETRIABLE_ERROR");
      expect(await recordsFingerprintAt(database.url, sync.tableId)).toEqual(before);
    }
    const retry = await postCsvTo(server.url, sync.path, token, generateCsv({ rows: 10_000, seed: "v5" }));
    expect(retry.status).toBe(200);
  }, 120_000);
});
