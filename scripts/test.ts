// `npm test`: every test against real Postgres and Chromium. Creates a fresh database, applies
// migrations, builds and starts the app, runs Vitest (unit + API integration) then Playwright,
// and drops the database. `npm test -- unit|api|pgbouncer|browser [runner args…]` runs one suite.
// `pgbouncer` runs the sync, concurrency and fault suites again with the app (and the tests'
// own database access) going through a PgBouncer in transaction pooling mode.
import { createTestDatabase } from "./lib/test-database";
import { startAppServer } from "./lib/app-server";
import { startPgBouncer } from "./lib/pgbouncer";
import { applyMigrations } from "./lib/migrate";
import { runCommand } from "./lib/run";

const SUITES = ["unit", "api", "pgbouncer", "browser"] as const;
const THROUGH_PGBOUNCER = [
  "e2e/api/sync-flow.test.ts",
  "e2e/api/sync-concurrency.test.ts",
  "e2e/api/sync-limits.test.ts",
  "e2e/api/hardening-reads.test.ts",
  "e2e/api/hardening-starvation.test.ts",
  "e2e/api/reliability-faults.test.ts",
  "e2e/api/reliability-multi-process.test.ts",
];
type Suite = (typeof SUITES)[number];

// Asynchronous, so that an embedded test database hosted by this process keeps answering.
function run(cmd: string, args: string[], env: Record<string, string>): Promise<boolean> {
  return runCommand(cmd, args, { env: { ...process.env, ...env } }).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<number> {
  const [first, ...rest] = process.argv.slice(2);
  const only = SUITES.includes(first as Suite) ? (first as Suite) : null;
  const extra = only ? rest : process.argv.slice(2);
  const wants = (s: Suite) => only === null || only === s;
  const results: string[] = [];
  let ok = true;

  if (wants("unit")) {
    const passed = await run("npx", ["vitest", "run", "--project", "unit", ...(only ? extra : [])], {});
    results.push(`unit: ${passed ? "passed" : "FAILED"}`);
    ok &&= passed;
  }
  if (!wants("api") && !wants("pgbouncer") && !wants("browser")) return finish(ok, results);

  const database = await createTestDatabase();
  console.log(`test database: ${database.embedded ? "embedded PGlite" : new URL(database.url).pathname.slice(1)}`);
  try {
    await applyMigrations(database.url);
    if (process.env.SKIP_BUILD !== "1" && !(await run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" }))) {
      return finish(false, [...results, "build: FAILED"]);
    }
    // Every browser test signs up from 127.0.0.1: the per-address sign-up limit is raised for them
    // (e2e/api/hardening-reads.test.ts checks it at its default on a server of its own).
    const server = await startAppServer({ databaseUrl: database.url, embedded: database.embedded, quiet: true, env: { SIGN_UP_LIMIT_PER_HOUR: "100" } });
    const env = { APP_URL: server.url, DATABASE_URL: database.url, TABLESYNC_EMBEDDED: database.embedded ? "1" : "0" };
    try {
      if (wants("api")) {
        const passed = await run("npx", ["vitest", "run", "--project", "api", ...(only ? extra : [])], env);
        results.push(`api: ${passed ? "passed" : "FAILED"}`);
        ok &&= passed;
      }
      if (wants("pgbouncer") && !database.embedded) {
        const passed = await runThroughPgBouncer(database.url, only ? extra : []);
        results.push(`api through PgBouncer: ${passed ? "passed" : "FAILED"}`);
        ok &&= passed;
      }
      if (wants("browser")) {
        const passed = await run("npx", ["playwright", "test", ...(only ? extra : [])], env);
        results.push(`browser: ${passed ? "passed" : "FAILED"}`);
        ok &&= passed;
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
  return finish(ok, results);
}

// A second app server and the same suites' database access through PgBouncer (transaction mode).
async function runThroughPgBouncer(databaseUrl: string, extra: string[]): Promise<boolean> {
  const bouncer = await startPgBouncer({ serverPort: Number(new URL(databaseUrl).port || 5432) });
  const url = bouncer.urlFor(databaseUrl);
  try {
    const server = await startAppServer({ databaseUrl: url, quiet: true });
    try {
      const files = extra.length > 0 ? extra : THROUGH_PGBOUNCER;
      return await run("npx", ["vitest", "run", "--project", "api", ...files], { APP_URL: server.url, DATABASE_URL: url, TABLESYNC_EMBEDDED: "0", TABLESYNC_PGBOUNCER: "1" });
    } finally {
      await server.stop();
    }
  } catch (err) {
    console.error(`PgBouncer stage: ${(err as Error).message}\n${bouncer.log().slice(-2000)}`);
    return false;
  } finally {
    await bouncer.stop();
  }
}

function finish(ok: boolean, results: string[]): number {
  console.log(`\nTablesync tests: ${ok ? "ALL PASSED" : "FAILED"} (${results.join(", ")})`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
