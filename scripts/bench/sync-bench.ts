// `npm run bench`: sync latency on a real Postgres (127.0.0.1:5432) against the built app.
// A 10,000-row × 20-column CSV (~2 MB) is synced into a fresh table, then re-sent unchanged (the
// same bytes: answered from the latest run, lib/sync/engine/repeat.ts), then the same rows with
// CRLF line endings (a full re-sync that finds nothing changed), then sent with 10 % of rows
// changed and 5 % removed; each `--reps` times. Prints the median latency
// of each, server-side (the run's durationMs) and end to end, next to the floor: plain COPY of the
// same CSV into a temporary table on the same database; and the server's resident memory (process
// tree, sampled every 5 ms): its peak growth during each request over what it held just before,
// and its peak over the idle server (V8 keeps memory it once grew to, so later requests of a size
// grow less than the first).
// Each repetition also re-syncs a table whose records hold three filled own fields, and a table
// with the same history without them, and prints their ratio (scripts/bench/own-fields-bench.ts).
// `--large` adds the same for 200,000 rows (~40 MB; `--large-reps`, default 3), with the server's
// limits raised (SYNC_MAX_ROWS, SYNC_MAX_BODY_BYTES); `--rows N` runs one size only.
import { existsSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { startAppServer, type AppServer } from "../lib/app-server";
import { applyMigrations } from "../lib/migrate";
import { runCommand } from "../lib/run";
import { createTestDatabase } from "../lib/test-database";
import { OWN_SUFFIX, REWRITTEN_SUFFIX, fillOwnFields, printOwnFieldRatios, rewriteRecords } from "./own-fields-bench";
import { sampleRssGrowth, treeRss } from "./rss";
import { buildCsv, COLUMNS, FIELDS, HEADER } from "./bench-csv";

const { values } = parseArgs({
  options: {
    reps: { type: "string", default: "5" },
    rows: { type: "string" },
    large: { type: "boolean", default: false },
    "large-reps": { type: "string", default: "3" },
  },
});
const LARGE = 200_000;
const SIZES = values.rows ? [Number(values.rows)] : values.large ? [10_000, LARGE] : [10_000];
const repsFor = (rows: number) => (rows > 10_000 && !values.rows ? Number(values["large-reps"]) : Number(values.reps));
const MB = 1024 * 1024;

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

type Scenario = { server: number[]; e2e: number[]; rss: number[]; peak: number[]; timings: Record<string, number>[] };
type SizeResult = { rows: number; mb: number; reps: number; floor: number[]; idle: number; scenarios: Record<string, Scenario> };

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
  const largest = Math.max(...SIZES);
  // Raised limits only when a size needs them; they change no work for a 10,000-row sync.
  const limits: Record<string, string> = largest > 10_000 ? { SYNC_MAX_ROWS: String(largest), SYNC_MAX_BODY_BYTES: String(256 * MB), TRANSACTION_TIMEOUT_MS: "600000" } : {};
  const server = await startAppServer({ databaseUrl: database.url, quiet: !process.env.BENCH_SERVER_LOGS, env: { SYNC_RATE_LIMIT_MAX: "100000", ...limits } });
  const { closeDb } = await import("../../lib/db");
  try {
    const pid = server.process.pid!;
    console.log(`server idle: ${(treeRss(pid) / MB).toFixed(0)} MB resident (process tree)${largest > 10_000 ? `; limits raised: ${JSON.stringify(limits)}` : ""}`);
    const results: SizeResult[] = [];
    for (const rows of SIZES) results.push(await benchSize(server, database.url, rows));
    for (const result of results) printSize(result);
  } finally {
    await server.stop();
    await closeDb();
    await database.drop();
  }
}

async function benchSize(server: AppServer, databaseUrl: string, rows: number): Promise<SizeResult> {
  const { makeOwnerSetup } = await import("../lib/seed");
  const { getPool } = await import("../../lib/db");
  const reps = repsFor(rows);
  const pid = server.process.pid!;
  const { base, token } = await makeOwnerSetup();
  const call = async (path: string, init: RequestInit = {}) => {
    const memory = sampleRssGrowth(pid);
    const start = performance.now();
    const res = await fetchOnce(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    const json = await res.json();
    const ms = performance.now() - start;
    const { growth: rss, peak } = memory.stop();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return { json, ms, rss, peak };
  };
  const postCsv = (path: string, csv: string) => call(path, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
  const serverMs = async (runId: string) => {
    const { rows } = await getPool().query(`SELECT duration_ms, timings FROM sync_runs WHERE id = $1`, [runId]);
    return { durationMs: rows[0].duration_ms as number, timings: rows[0].timings as Record<string, number> };
  };

  const idle = treeRss(pid);
  const full = buildCsv(rows);
  const mb = Buffer.byteLength(full) / MB;
  // The floor is measured between the syncs, so a busy machine slows both alike.
  const floor: number[] = [];
  console.log(`CSV: ${rows.toLocaleString("en-US")} rows × ${COLUMNS} columns, ${mb.toFixed(2)} MB; ${reps} repetitions`);
  const scenarios: Record<string, Scenario> = {};
  const record = async (name: string, response: { json: { runId: string; status: string }; ms: number; rss: number; peak: number }) => {
    if (response.json.status !== "applied") throw new Error(`${name}: not applied`);
    const run = await serverMs(response.json.runId);
    const s = (scenarios[name] ??= { server: [], e2e: [], rss: [], peak: [], timings: [] });
    s.peak.push(response.peak);
    s.server.push(run.durationMs);
    s.e2e.push(response.ms);
    s.rss.push(response.rss);
    s.timings.push(run.timings);
  };

  // Warm-up: the first requests of a fresh server compile routes and fill caches. Each repetition
  // runs the scenarios on a plain table, then the re-syncs again on a table with own fields filled
  // and on one with the same history without own values (scripts/bench/own-fields-bench.ts).
  for (let rep = -1; rep < reps; rep++) {
    // The two own-field variants take turns going first, so neither always follows the other's writes.
    const variants = rep % 2 ? (["plain", "own", "rewritten"] as const) : (["plain", "rewritten", "own"] as const);
    for (const variant of variants) {
      const own = variant !== "plain";
      const created = await call(`/v0/meta/bases/${base.id}/syncs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `Bench ${rows} ${rep + 1} ${variant}` }),
      });
      const path = `/v0/${base.id}/${created.json.tableId}/sync/${created.json.id}`;
      const headerOnly = `${HEADER.join(",")}\n`;
      await postCsv(path, buildCsv(1));
      await call(`/v0/meta/bases/${base.id}/syncs/${created.json.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tableName: `Bench ${rows} ${rep + 1} ${variant}`, fieldSelection: "all", fields: FIELDS, primaryKey: "id", updateMethod: "auto", deletion: "delete", retentionDays: 0 }),
      });
      await postCsv(`${path}?allowMassDeletion=true`, headerOnly); // the table is now empty (past the deletion safeguard)
      if (!own) floor.push(await copyFloor(databaseUrl, full));
      const first = await postCsv(path, full);
      if (variant === "own") await fillOwnFields({ call, pool: getPool(), baseId: base.id, tableId: created.json.tableId });
      if (variant === "rewritten") await rewriteRecords({ pool: getPool(), tableId: created.json.tableId });
      const unchanged = await postCsv(path, full);
      // The same rows with other bytes (CRLF line endings): not a repeat of the latest run, so the
      // whole re-sync runs (fingerprints against the stored records, nothing to write).
      const reencoded = await postCsv(path, full.replace(/\n/g, "\r\n"));
      const changedCsv = buildCsv(rows, { version: rep + 2, changedEvery: 10, removedEvery: 20, offset: rep });
      if (!own) floor.push(await copyFloor(databaseUrl, full));
      const changed = await postCsv(path, changedCsv);
      if (rep < 0) {
        floor.length = 0;
        continue;
      }
      const suffix = { plain: "", rewritten: REWRITTEN_SUFFIX, own: OWN_SUFFIX }[variant];
      if (!own) await record(`first sync (${rows.toLocaleString("en-US")} new)`, first);
      await record(`unchanged re-sync${suffix}`, unchanged);
      await record(`unchanged, re-encoded${suffix}`, reencoded);
      await record(`10 % changed, 5 % removed${suffix}`, changed);
    }
  }
  return { rows, mb, reps, floor, idle, scenarios };
}

// A kept-alive connection the server closes as a request starts fails with EPIPE before any of it
// was handled: sent again, on a new connection.
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = ((err as Error).cause as { code?: string } | undefined)?.code;
    if (code !== "EPIPE" && code !== "ECONNRESET") throw err;
    return fetch(url, init);
  }
}

function printSize({ rows, mb, reps, floor, idle, scenarios }: SizeResult) {
  const floorMs = median(floor);
  console.log(`\n${rows.toLocaleString("en-US")} rows × ${COLUMNS} columns (${mb.toFixed(1)} MB), ${reps} repetitions`);
  console.log(`COPY of the same CSV into a temporary table (the floor): median ${floorMs.toFixed(0)} ms; server resident before: ${(idle / MB).toFixed(0)} MB`);
  console.log(
    `${"scenario".padEnd(30)} ${"server ms".padStart(10)} ${"× floor".padStart(8)} ${"end-to-end ms".padStart(14)} ${"× floor".padStart(8)} ${"RSS +MB/request".padStart(16)} ${"peak over idle".padStart(15)}   server breakdown (median ms)`,
  );
  for (const [name, r] of Object.entries(scenarios)) {
    const keys = Object.keys(r.timings[0] ?? {});
    const breakdown = keys.map((k) => `${k.replace(/Ms$/, "")} ${median(r.timings.map((t) => t[k] ?? 0)).toFixed(0)}`).join(", ");
    const rss = `${(median(r.rss) / MB).toFixed(0)} (max ${(Math.max(...r.rss) / MB).toFixed(0)})`;
    const overIdle = `${((Math.max(...r.peak) - idle) / MB).toFixed(0)} MB`;
    console.log(
      `${name.padEnd(30)} ${median(r.server).toFixed(0).padStart(10)} ${(median(r.server) / floorMs).toFixed(1).padStart(8)} ${median(r.e2e).toFixed(0).padStart(14)} ${(median(r.e2e) / floorMs).toFixed(1).padStart(8)} ${rss.padStart(16)} ${overIdle.padStart(15)}   ${breakdown}`,
    );
  }
  printOwnFieldRatios(scenarios);
  if (process.env.BENCH_VERBOSE) {
    for (const [name, r] of Object.entries(scenarios)) {
      console.log(name, r.server.join(" "), "| RSS MB", r.rss.map((b) => (b / MB).toFixed(0)).join(" "), "| floor", floor.map((f) => f.toFixed(0)).join(" "));
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
