// `npm run load -- [--duration 60] [--bases 20] [--rows 500] [--servers 1] [--rate-limit N]`:
// a bounded load run on loopback against the built app and a fresh database on 127.0.0.1:5432.
// Prints throughput, latency percentiles and errors. By default the per-base rate limit is
// raised so the run measures sync capacity; `--rate-limit 20` measures the product default.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../lib/test-database";
import { startAppServer } from "../lib/app-server";
import { applyMigrations } from "../lib/migrate";
import { runCommand } from "../lib/run";
import { generateLoadCsv, percentile, runLoad, type LoadTarget } from "./load-core";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    bases: { type: "string", default: "20" },
    rows: { type: "string", default: "500" },
    columns: { type: "string", default: "10" },
    servers: { type: "string", default: "1" },
    "rate-limit": { type: "string", default: "1000000" },
  },
});
const n = (k: keyof typeof values) => Number(values[k]);

async function main() {
  if (!existsSync(".next/BUILD_ID")) await runCommand("npx", ["next", "build"]);
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const servers = await Promise.all(
    Array.from({ length: n("servers") }, () => startAppServer({ databaseUrl: database.url, quiet: true, env: { SYNC_RATE_LIMIT_MAX: values["rate-limit"]! } })),
  );
  try {
    const { makeOwnerSetup } = await import("../lib/seed");
    const { setupSyncOverHttp, textConfig } = await import("../lib/sync-over-http");
    const targets: LoadTarget[] = [];
    for (let b = 0; b < n("bases"); b++) {
      const { base, token } = await makeOwnerSetup();
      const sync = await setupSyncOverHttp({ appUrl: servers[0].url, token, baseId: base.id, csv: generateLoadCsv(n("rows"), n("columns"), b, 0), config: textConfig(`Load ${b}`, n("columns")) });
      targets.push({ baseId: base.id, path: sync.path, token });
    }
    console.log(`load: ${n("bases")} bases × ${n("rows")} rows × ${n("columns")} columns, ${n("servers")} server(s), ${n("duration")} s, rate limit ${values["rate-limit"]}/5 min per base`);
    const result = await runLoad({
      appUrls: servers.map((s) => s.url),
      targets,
      durationMs: n("duration") * 1000,
      makeCsv: (b, i) => generateLoadCsv(n("rows"), n("columns"), b, i + 1),
    });
    const ok = result.statusCounts["200"] ?? 0;
    const seconds = result.durationMs / 1000;
    console.log(`requests ${result.requests} in ${seconds.toFixed(1)} s: ${(result.requests / seconds).toFixed(1)} req/s; syncs applied ${ok} (${(ok / seconds).toFixed(1)}/s, ${Math.round(result.rowsApplied / seconds)} rows/s)`);
    console.log(`latency ms: p50 ${percentile(result.latenciesMs, 50).toFixed(0)}, p95 ${percentile(result.latenciesMs, 95).toFixed(0)}, p99 ${percentile(result.latenciesMs, 99).toFixed(0)}, max ${Math.max(...result.latenciesMs).toFixed(0)}`);
    console.log(`statuses ${JSON.stringify(result.statusCounts)}; errors ${result.errors.length}${result.errors.length ? ": " + result.errors.slice(0, 5).join(" | ") : ""}`);
    process.exitCode = result.errors.length ? 1 : 0;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    const { closeDb } = await import("../../lib/db");
    await closeDb();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
