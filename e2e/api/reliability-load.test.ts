// The load run in short: several bases synced at once, back to back. Nothing fails except with
// 429 where the per-base limit demands it, and each base gets exactly its limit of syncs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { generateLoadCsv, runLoad, type LoadTarget } from "@/scripts/bench/load-core";
import { makeOwnerSetup } from "../support/fixtures";
import { setupSyncOverHttp, textConfig } from "@/scripts/lib/sync-over-http";

const LIMIT = 8;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, quiet: true, env: { SYNC_RATE_LIMIT_MAX: String(LIMIT) } });
});

afterAll(async () => {
  await server?.stop();
});

describe("a short load run", () => {
  it("fails nothing but 429s, and lets exactly the per-base limit through", async () => {
    const targets: LoadTarget[] = [];
    for (let b = 0; b < 5; b++) {
      const { base, token } = await makeOwnerSetup();
      const sync = await setupSyncOverHttp({ appUrl: server.url, token, baseId: base.id, csv: generateLoadCsv(200, 6, b, 0), config: textConfig(`Load ${b}`, 6) });
      targets.push({ baseId: base.id, path: sync.path, token });
    }
    const result = await runLoad({ appUrls: [server.url], targets, durationMs: 6_000, makeCsv: (b, i) => generateLoadCsv(200, 6, b, i + 1) });
    expect(result.errors).toEqual([]);
    // The setup request counted as the first of each base's allowance.
    expect(result.perBaseOk).toEqual(Array(5).fill(LIMIT - 1));
    expect(Object.keys(result.statusCounts).sort()).toEqual(["200", "429"]);
  }, 60_000);
});
