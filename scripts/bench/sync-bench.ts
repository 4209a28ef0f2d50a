// `npm run bench`: sync latency on a real Postgres (127.0.0.1:5432) against the built app.
// A 10,000-row × 20-column CSV (~2 MB) is synced into a fresh table, then re-sent unchanged, then
// sent with 10 % of rows changed and 5 % removed; each `--reps` times. Prints the median latency
// of each, server-side (the run's durationMs) and end to end, next to the floor: plain COPY of the
// same CSV into a temporary table on the same database.
import { existsSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { startAppServer } from "../lib/app-server";
import { applyMigrations } from "../lib/migrate";
import { runCommand } from "../lib/run";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { reps: { type: "string", default: "5" }, rows: { type: "string", default: "10000" } } });
const REPS = Number(values.reps);
const ROWS = Number(values.rows);
const COLUMNS = 20;

const HEADER = ["id", ...Array.from({ length: COLUMNS - 1 }, (_, i) => `col${i + 1}`)];
// A realistic mix: a few numbers, a date, a currency, the rest text.
const FIELDS = HEADER.map((column, i) => {
  if (i >= 1 && i <= 3) return { column, type: "number", options: { precision: 2 } };
  if (i === 4) return { column, type: "date", options: { dateFormat: "iso" } };
  if (i === 5) return { column, type: "currency", options: { symbol: "$", precision: 2 } };
  return { column, type: "singleLineText" };
});

function cell(row: number, col: number, version: number): string {
  if (col === 0) return `SKU-${String(row).padStart(6, "0")}`;
  if (col <= 3) return ((row * 7 + col * 13 + version) % 10_000 / 100).toFixed(2);
  if (col === 4) return `2025-${String((row % 12) + 1).padStart(2, "0")}-${String((row % 28) + 1).padStart(2, "0")}`;
  if (col === 5) return `$${((row * 3 + version) % 5000).toFixed(2)}`;
  return `v${version}r${row}c${col}`;
}

// `changedEvery`: every n-th row gets new values; `removedEvery`: every n-th row is left out.
function buildCsv(options: { version?: number; changedEvery?: number; removedEvery?: number; offset?: number } = {}): string {
  const lines = [HEADER.join(",")];
  for (let r = 0; r < ROWS; r++) {
    if (options.removedEvery && (r + (options.offset ?? 0)) % options.removedEvery === 0) continue;
    const changed = options.changedEvery && (r + (options.offset ?? 0) + 1) % options.changedEvery === 0;
    lines.push(HEADER.map((_, c) => cell(r, c, changed ? (options.version ?? 1) : 0)).join(","));
  }
  return lines.join("\n") + "\n";
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function copyFloor(databaseUrl: string, csv: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const start = performance.now();
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE bench_copy (${HEADER.map((h) => `"${h}" text`).join(", ")}) ON COMMIT DROP`);
    await pipeline(Readable.from([csv]), client.query(copyFrom(`COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)`)));
    await client.query("COMMIT");
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) await runCommand("npx", ["next", "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const database = await createTestDatabase();
  if (database.embedded) {
    await database.drop();
    throw new Error("The benchmark needs PostgreSQL on 127.0.0.1:5432 (the embedded database cannot COPY).");
  }
  process.env.DATABASE_URL = database.url;
  process.env.TABLESYNC_EMBEDDED = "0";
  await applyMigrations(database.url);
  const server = await startAppServer({ databaseUrl: database.url, quiet: true, env: { SYNC_RATE_LIMIT_MAX: "100000" } });
  const { makeOwnerSetup } = await import("../lib/seed");
  const { closeDb, getPool } = await import("../../lib/db");
  try {
    const { base, token } = await makeOwnerSetup();
    const call = async (path: string, init: RequestInit = {}) => {
      const start = performance.now();
      const res = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
      const json = await res.json();
      const ms = performance.now() - start;
      if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${res.status} ${JSON.stringify(json)}`);
      return { json, ms };
    };
    const postCsv = (path: string, csv: string) => call(path, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
    const serverMs = async (runId: string) => {
      const { rows } = await getPool().query(`SELECT duration_ms, timings FROM sync_runs WHERE id = $1`, [runId]);
      return { durationMs: rows[0].duration_ms as number, timings: rows[0].timings as Record<string, number> };
    };

    const full = buildCsv();
    // The floor is measured between the syncs, so a busy machine slows both alike.
    const floor: number[] = [];
    console.log(`CSV: ${ROWS.toLocaleString("en-US")} rows × ${COLUMNS} columns, ${(Buffer.byteLength(full) / 1024 / 1024).toFixed(2)} MB; ${REPS} repetitions`);
    const results: Record<string, { server: number[]; e2e: number[]; timings: Record<string, number>[] }> = {};
    const record = async (name: string, response: { json: { runId: string; status: string }; ms: number }) => {
      if (response.json.status !== "applied") throw new Error(`${name}: not applied`);
      const run = await serverMs(response.json.runId);
      (results[name] ??= { server: [], e2e: [], timings: [] }).server.push(run.durationMs);
      results[name].e2e.push(response.ms);
      results[name].timings.push(run.timings);
    };

    // Warm-up: the first requests of a fresh server compile routes and fill caches.
    for (let rep = -1; rep < REPS; rep++) {
      const created = await call(`/v0/meta/bases/${base.id}/syncs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `Bench ${rep + 1}` }),
      });
      const path = `/v0/${base.id}/${created.json.tableId}/sync/${created.json.id}`;
      const headerOnly = `${HEADER.join(",")}\n`;
      await postCsv(path, buildCsv().split("\n").slice(0, 2).join("\n") + "\n");
      await call(`/v0/meta/bases/${base.id}/syncs/${created.json.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tableName: `Bench ${rep + 1}`, fieldSelection: "all", fields: FIELDS, primaryKey: "id", updateMethod: "auto", deletion: "delete", retentionDays: 0 }),
      });
      await postCsv(`${path}?allowMassDeletion=true`, headerOnly); // the table is now empty (past the deletion safeguard)
      floor.push(await copyFloor(database.url, full));
      const first = await postCsv(path, full);
      const unchanged = await postCsv(path, full);
      floor.push(await copyFloor(database.url, full));
      const changed = await postCsv(path, buildCsv({ version: rep + 2, changedEvery: 10, removedEvery: 20, offset: rep }));
      if (rep < 0) {
        floor.length = 0;
        continue;
      }
      await record("first sync (10,000 new)", first);
      await record("unchanged re-sync", unchanged);
      await record("10 % changed, 5 % removed", changed);
    }

    const floorMs = median(floor);

    console.log(`\nCOPY of the same CSV into a temporary table (the floor): median ${floorMs.toFixed(0)} ms\n`);
    console.log(`${"scenario".padEnd(30)} ${"server ms".padStart(10)} ${"× floor".padStart(8)} ${"end-to-end ms".padStart(14)}   server breakdown (median ms)`);
    for (const [name, r] of Object.entries(results)) {
      const keys = Object.keys(r.timings[0] ?? {});
      const breakdown = keys.map((k) => `${k.replace(/Ms$/, "")} ${median(r.timings.map((t) => t[k] ?? 0)).toFixed(0)}`).join(", ");
      console.log(
        `${name.padEnd(30)} ${median(r.server).toFixed(0).padStart(10)} ${(median(r.server) / floorMs).toFixed(1).padStart(8)} ${median(r.e2e).toFixed(0).padStart(14)}   ${breakdown}`,
      );
    }
    if (process.env.BENCH_VERBOSE) for (const [name, r] of Object.entries(results)) console.log(name, r.server.join(" "), "| floor", floor.map((f) => f.toFixed(0)).join(" "));
  } finally {
    await server.stop();
    await closeDb();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
