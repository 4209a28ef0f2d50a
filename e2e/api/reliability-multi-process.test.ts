// Two server processes on one database: the rate limit, sessions and per-table serialisation
// are shared through Postgres, so requests alternating between them behave as with one server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { createSession, deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { makeOwnerSetup } from "../support/fixtures";
import { setupSyncOverHttp, textConfig } from "@/scripts/lib/sync-over-http";
import { generateCsv, liveKeys, postCsvTo } from "../support/sync";

const databaseUrl = process.env.DATABASE_URL!;
let servers: AppServer[] = [];

beforeAll(async () => {
  servers = await Promise.all([0, 1].map(() => startAppServer({ databaseUrl, quiet: true })));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

const serverFor = (i: number) => servers[i % 2];

describe("two server processes, one database", () => {
  it("share the per-base rate limit", async () => {
    const { base, token } = await makeOwnerSetup();
    // The first CSV (sent during setup) is sync request 1 of the 20 allowed in 5 minutes.
    const sync = await setupSyncOverHttp({ appUrl: servers[0].url, token, baseId: base.id, csv: generateCsv({ rows: 3 }), config: textConfig("Limited") });
    const statuses: number[] = [];
    for (let i = 0; i < 19; i++) {
      const res = await postCsvTo(serverFor(i).url, sync.path, token, generateCsv({ rows: 3, seed: `r${i}` }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(19).fill(200));
    for (const server of servers) {
      const res = await postCsvTo(server.url, sync.path, token, generateCsv({ rows: 3 }));
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await res.json()).error.type).toBe("RATE_LIMIT_REACHED");
    }
  });

  it("share sessions: a session made anywhere works on both, and ends on both", async () => {
    const { user } = await makeOwnerSetup();
    const session = await createSession(user.id);
    const cookie = `${SESSION_COOKIE}=${session.value}`;
    for (const server of servers) {
      const res = await fetch(`${server.url}/v0/meta/whoami`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect((await res.json()).id).toBe(user.id);
    }
    await deleteSession(session.value);
    for (const server of servers) {
      const res = await fetch(`${server.url}/v0/meta/whoami`, { headers: { cookie } });
      expect(res.status).toBe(401);
    }
  });

  it("serialise syncs of one table across processes", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await setupSyncOverHttp({ appUrl: servers[0].url, token, baseId: base.id, csv: generateCsv({ rows: 50 }), config: textConfig("Serial") });
    // Ten different key sets, sent at once, alternating between the two servers.
    const bodies = Array.from({ length: 10 }, (_, i) => generateCsv({ rows: 200 + i * 10, startKey: i * 1000, seed: `p${i}` }));
    const responses = await Promise.all(bodies.map((body, i) => postCsvTo(serverFor(i).url, sync.path, token, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const keys = await liveKeys(databaseUrl, sync.tableId);
    expect(new Set(keys).size).toBe(keys.length);
    const winner = bodies.findIndex((_, i) => keys.length === 200 + i * 10 && keys.includes(`K${i * 1000}`));
    expect(winner).toBeGreaterThanOrEqual(0);
    const expected = Array.from({ length: 200 + winner * 10 }, (_, r) => `K${winner * 1000 + r}`).sort();
    expect(keys).toEqual(expected);
  });
});
