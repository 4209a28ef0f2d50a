// `npm run bench:bound`: what Postgres alone needs for a sync's writes, next to the COPY floor, on
// the bench's CSV (scripts/bench/bench-csv.ts) and a table shaped like `records` (logged, primary
// key (table_id, key), fillfactor 85). No app server, no Node coercion: the least any design that
// keeps records durable and keyed can cost (issue 17; ARCHITECTURE.md "The bound").
//   floor               COPY of the CSV into a temporary table (the bench's floor)
//   records COPY        COPY of ready-made record lines (what a first sync sends today)
//   … without key index / unlogged / both: the same into looser tables, to show what each costs
//   coerced in SQL      COPY of the raw CSV into a staging table, then one INSERT … SELECT that
//                       coerces the bench's types in SQL and builds the cells' JSON text
//   changed rows only   a re-sync's writes with 10 % changed and 5 % removed (of a loaded table):
//                       the changed rows' new cells, the removed ones' tombstones, the returning
//                       ones as new rows; no change list
// Options: --rows N (10000), --reps N (9). Uses a database of its own on 127.0.0.1:5432.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { buildCsv, HEADER } from "./bench-csv";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" }, reps: { type: "string", default: "9" } } });
const ROWS = Number(values.rows);
const REPS = Number(values.reps);
const SERVER = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432";
const DATABASE = `tablesync_bound_${process.pid}`;

const csv = buildCsv(ROWS);
const cols = HEADER.map((_, i) => `c${i}`);
const RECORD_COLUMNS = "id, key, cells, fingerprint, table_id, created_at, updated_at";

// The bench's values as the engine stores them (numbers as JSON numbers, the currency without its symbol).
function recordLines(text: string): string {
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line, r) => {
      const f = line.split(",");
      const cells = `{${f.map((v, i) => `"${i + 1}":${i >= 1 && i <= 3 ? Number(v) : i === 5 ? Number(v.slice(1)) : JSON.stringify(v)}`).join(",")}}`;
      return `rec${r}\t${f[0]}\t${cells.replace(/\\/g, "\\\\")}\t${r}\tt1\t2026-01-01T00:00:00Z\t2026-01-01T00:00:00Z\n`;
    })
    .join("");
}

// The bench's number, date and currency rules in SQL (the same shapes parseDecimal and the date
// type accept for these values), text as JSON strings.
const DECIMAL = `[+-]?(\\d{1,3}(,\\d{3})+|\\d*)(\\.\\d+)?`;
function sqlCell(i: number): string {
  const c = `s.c${i}`;
  const value =
    i >= 1 && i <= 3
      ? `CASE WHEN ${c} ~ '^\\s*${DECIMAL}([eE][+-]?\\d+)?\\s*$' THEN replace(btrim(${c}), ',', '')::float8::text END`
      : i === 4
        ? `CASE WHEN ${c} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN to_json(${c}::date)::text END`
        : i === 5
          ? `CASE WHEN ${c} ~ '^\\s*\\$?${DECIMAL}\\s*$' THEN replace(replace(btrim(${c}), ',', ''), '$', '')::float8::text END`
          : `to_json(${c})::text`;
  return `CASE WHEN ${c} <> '' THEN '"${i + 1}":' || ${value} END`;
}
const COERCE_IN_SQL = `INSERT INTO rec (${RECORD_COLUMNS})
  SELECT 'rec' || md5(s.c0), btrim(s.c0), '{' || concat_ws(',', ${cols.map((_, i) => sqlCell(i)).join(", ")}) || '}',
         hashtextextended(concat_ws(chr(31), ${cols.map((c) => `s.${c}`).join(", ")}), 7), 't1', now(), now()
    FROM (SELECT DISTINCT ON (btrim(c0)) * FROM stg ORDER BY btrim(c0), rn DESC) s`;

async function copy(c: pg.Client, sql: string, text: string) {
  await pipeline(Readable.from([Buffer.from(text)]), c.query(copyFrom(sql)));
}

async function timed(c: pg.Client, work: () => Promise<unknown>): Promise<number> {
  await c.query("BEGIN");
  const start = performance.now();
  await work();
  await c.query("COMMIT");
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const RECORDS_TABLE = `CREATE TABLE rec (id text NOT NULL, table_id text NOT NULL, key text NOT NULL, cells text NOT NULL, own_cells text,
  fingerprint bigint, created_at timestamptz(3) NOT NULL, updated_at timestamptz(3) NOT NULL, deleted_at timestamptz(3),
  CONSTRAINT rec_pkey PRIMARY KEY (table_id, key)) WITH (fillfactor = 85)`;
const STAGING = `CREATE TEMP TABLE stg (${cols.map((x) => `${x} text`).join(", ")}, rn int GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP`;

async function main() {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const c = new pg.Client({ connectionString: `${SERVER}/${DATABASE}` });
  await c.connect();
  try {
    await c.query(RECORDS_TABLE);
    const lines = recordLines(csv);
    // 10 % changed, 5 % removed, as the sync bench's changed scenario.
    const changedLines = recordLines(buildCsv(ROWS, { version: 2, changedEvery: 10 }))
      .split("\n")
      .filter((_, r) => (r + 1) % 10 === 0)
      .join("\n");
    const removedKeys = csv.trim().split("\n").slice(1).filter((_, r) => r % 20 === 0).map((l) => l.split(",")[0]);
    const results: Record<string, number[]> = {};
    const add = (name: string, ms: number) => (results[name] ??= []).push(ms);
    const recordsCopy = async (name: string) => {
      add(name, await timed(c, () => copy(c, `COPY rec (${RECORD_COLUMNS}) FROM STDIN`, lines)));
      await c.query("TRUNCATE rec");
    };
    for (let rep = 0; rep < REPS; rep++) {
      add("floor", await timed(c, async () => {
        await c.query(`CREATE TEMP TABLE f (${cols.map((x) => `${x} text`).join(", ")}) ON COMMIT DROP`);
        await copy(c, `COPY f FROM STDIN (FORMAT csv, HEADER true)`, csv);
      }));
      await recordsCopy("records COPY");
      add("coerced in SQL", await timed(c, async () => {
        await c.query(STAGING);
        await copy(c, `COPY stg (${cols.join(", ")}) FROM STDIN (FORMAT csv, HEADER true)`, csv);
        await c.query(COERCE_IN_SQL);
      }));
      await c.query("TRUNCATE rec");
      // A loaded table (outside the timing), then only what a changed re-sync must write.
      await copy(c, `COPY rec (${RECORD_COLUMNS}) FROM STDIN`, lines);
      await c.query("VACUUM ANALYZE rec");
      add("changed rows only", await timed(c, async () => {
        await c.query(`CREATE TEMP TABLE chg (id text, key text, cells text, fingerprint bigint, table_id text, created_at timestamptz, updated_at timestamptz) ON COMMIT DROP`);
        await copy(c, `COPY chg FROM STDIN`, changedLines);
        await c.query(`UPDATE rec r SET cells = chg.cells, fingerprint = chg.fingerprint, updated_at = now() FROM chg WHERE r.table_id = 't1' AND r.key = chg.key`);
        await c.query(`UPDATE rec SET deleted_at = now() WHERE table_id = 't1' AND key = ANY($1::text[])`, [removedKeys]);
      }));
      await c.query("TRUNCATE rec");
    }
    // Looser tables, to show what durability and the key index each cost.
    await c.query("ALTER TABLE rec DROP CONSTRAINT rec_pkey");
    for (let rep = 0; rep < REPS; rep++) await recordsCopy("… without key index");
    await c.query("ALTER TABLE rec ADD CONSTRAINT rec_pkey PRIMARY KEY (table_id, key); ALTER TABLE rec SET UNLOGGED");
    for (let rep = 0; rep < REPS; rep++) await recordsCopy("… unlogged");
    await c.query("ALTER TABLE rec DROP CONSTRAINT rec_pkey");
    for (let rep = 0; rep < REPS; rep++) await recordsCopy("… unlogged, without key index");

    const floor = median(results.floor);
    console.log(`${ROWS.toLocaleString("en-US")} rows × ${HEADER.length} columns, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB, ${REPS} repetitions (medians)`);
    for (const [name, ms] of Object.entries(results)) {
      console.log(`${name.padEnd(32)} ${median(ms).toFixed(1).padStart(9)} ms ${(median(ms) / floor).toFixed(2).padStart(6)}× floor`);
    }
  } finally {
    await c.end();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.end();
  }
}

await main();
