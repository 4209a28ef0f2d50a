// `npm start`: serve Tablesync. With DATABASE_URL set it uses that Postgres server; without it,
// it runs the embedded database (PGlite, data under .data/) in this process. Either way it
// applies pending migrations, builds the app if it was never built, then serves it
// (scripts/serve.mjs: `next start` plus the TCP peer's address for sign-in throttling).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connectOrStartEmbedded, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { runCommand } from "./lib/run";

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";

async function main() {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await connectOrStartEmbedded();
    databaseUrl = embedded.url;
    console.log(`Using the embedded database (data in .data/). For production, set DATABASE_URL to a Postgres server.`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, TABLESYNC_EMBEDDED: embedded ? "1" : "0", NEXT_TELEMETRY_DISABLED: "1" };
  if (embedded) env.DB_POOL_MAX ??= "8";

  await applyMigrations(databaseUrl);
  if (!existsSync(".next/BUILD_ID")) {
    await runCommand("npx", ["next", "build"], { env });
  }

  const server = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...env, NODE_ENV: "production", PORT: port, HOST: host }, stdio: "inherit" });
  const shutdown = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  server.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
