// `npm run bench:search`: the worst read the limits allow. A table as wide and long as one 2 MB
// CSV can make it (500 text columns × 2,089 rows of one-character cells, ~10 MB of cells JSON),
// then the read API's most expensive queries on it: a search that matches nothing (every cell is
// looked at), the same sorted by a text column, a deep sort, and the grid's match count. Prints
// the median and maximum of each (`--reps N`, default 5). Runs in-process against a fresh
// database on 127.0.0.1:5432.
import { parseArgs } from "node:util";
import { applyMigrations } from "../lib/migrate";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { reps: { type: "string", default: "5" } } });
const REPS = Number(values.reps);
const COLUMNS = 500;
const ROWS = Math.floor(2 * 1024 * 1024 / (COLUMNS * 2)); // "x," per cell: one full 2 MB body

async function main() {
  const database = await createTestDatabase();
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { seedWideTable, timeQueries } = await import("./search-bench-core");
    const table = await seedWideTable({ columns: COLUMNS, rows: ROWS });
    console.log(`table: ${COLUMNS} text columns × ${ROWS} rows, ${(table.bytes / 1e6).toFixed(1)} MB of cells`);
    for (const line of await timeQueries(table, REPS)) console.log(line);
    const { closeDb } = await import("@/lib/db");
    await closeDb();
  } finally {
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
