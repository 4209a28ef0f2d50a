import { runCommand } from "./run";

// `prisma migrate deploy` with the WASM engine: needs DATABASE_URL set (see README, "Migrations").
export function applyMigrations(databaseUrl: string): Promise<void> {
  return runCommand("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, quiet: true });
}
