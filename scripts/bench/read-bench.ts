// `npm run bench:read`: the Airtable-compatible read API on a real Postgres (127.0.0.1:5432)
// against the built app. A table of 10,000 records × 6 fields; prints the median latency (end to
// end over HTTP) of a filtered, sorted list call next to the same call without the filter and
// the plain key-ordered first page, then what the read rate limiter costs per request.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startAppServer } from "../lib/app-server";
import { applyMigrations } from "../lib/migrate";
import { runCommand } from "../lib/run";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { reps: { type: "string", default: "25" }, rows: { type: "string", default: "10000" } } });
const REPS = Number(values.reps);
const ROWS = Number(values.rows);
const FILTER = "AND({Price} > 250, FIND('7', {SKU}), IS_AFTER({Due}, '2025-03-01'), LEN({Name}) > 8)";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!existsSync(".next/BUILD_ID")) await runCommand("npx", ["next", "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const database = await createTestDatabase();
  if (database.embedded) {
    await database.drop();
    throw new Error("The benchmark needs PostgreSQL on 127.0.0.1:5432.");
  }
  process.env.DATABASE_URL = database.url;
  process.env.TABLESYNC_EMBEDDED = "0";
  await applyMigrations(database.url);
  // The limiter runs on every request, with a limit the bench never reaches.
  const server = await startAppServer({ databaseUrl: database.url, quiet: true, env: { READ_RATE_LIMIT_PER_SECOND: "100000" } });
  const { makeOwnerSetup } = await import("../lib/seed");
  const { seedTable } = await import("../lib/seed-table");
  const { closeDb, getPool } = await import("../../lib/db");
  try {
    const { base, token } = await makeOwnerSetup();
    const { tableId } = await seedTable({
      baseId: base.id,
      name: "Bench",
      fields: [
        { name: "SKU", type: "singleLineText" },
        { name: "Name", type: "singleLineText" },
        { name: "Price", type: "currency", options: { symbol: "$", precision: 2 } },
        { name: "Qty", type: "number" },
        { name: "Due", type: "date" },
        { name: "Notes", type: "multilineText" },
      ],
      records: Array.from({ length: ROWS }, (_, i) => ({
        key: `SKU-${String(i).padStart(6, "0")}`,
        cells: {
          SKU: `SKU-${String(i).padStart(6, "0")}`,
          Name: `Product number ${i}`,
          Price: (i * 37) % 1000 + 0.5,
          Qty: i % 50,
          Due: `${2024 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
          Notes: `Notes for record ${i}, some longer text to make the cells realistic.`,
        },
      })),
    });
    await getPool().query("ANALYZE records");
    const path = `/v0/${base.id}/${tableId}`;
    const time = async (query: string) => {
      const start = performance.now();
      const res = await fetch(`${server.url}${path}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const json = (await res.json()) as { records?: unknown[] };
      if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(json)}`);
      return { ms: performance.now() - start, count: json.records?.length ?? 0 };
    };
    const sorted = new URLSearchParams({ "sort[0][field]": "Price", "sort[0][direction]": "desc", pageSize: "100" });
    const filtered = new URLSearchParams(sorted);
    filtered.set("filterByFormula", FILTER);
    const scenarios: [string, string][] = [
      ["filtered + sorted (pageSize 100)", filtered.toString()],
      ["sorted, no filter", sorted.toString()],
      ["first page, key order", "pageSize=100"],
    ];
    console.log(`${ROWS.toLocaleString("en-US")} records; ${REPS} repetitions each; filter: ${FILTER}`);
    for (const [, query] of scenarios) for (let i = 0; i < 3; i++) await time(query); // warm-up
    const results = new Map<string, number[]>(scenarios.map(([name]) => [name, []]));
    let matched = 0;
    for (let rep = 0; rep < REPS; rep++) {
      for (const [name, query] of scenarios) {
        const { ms, count } = await time(query);
        results.get(name)!.push(ms);
        if (name.startsWith("filtered")) matched = count;
      }
    }
    for (const [name, ms] of results) console.log(`${name.padEnd(34)} median ${median(ms).toFixed(1).padStart(6)} ms   (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)})`);
    console.log(`(the filtered page holds ${matched} records)`);

    // The limiter alone, as the server calls it: one statement per request.
    const pool = getPool();
    const limiter: number[] = [];
    const roundTrip: number[] = [];
    for (let i = 0; i < 200; i++) {
      let start = performance.now();
      await pool.query("SELECT hit_rate_counter($1, $2, $3) AS wait", [`read:${base.id}`, 100000, 1000]);
      limiter.push(performance.now() - start);
      start = performance.now();
      await pool.query("SELECT 1");
      roundTrip.push(performance.now() - start);
    }
    console.log(`read rate limiter: median ${median(limiter).toFixed(2)} ms per request (a bare SELECT 1 round trip: ${median(roundTrip).toFixed(2)} ms)`);
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
