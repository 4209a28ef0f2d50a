// Prisma CLI configuration: the WASM ("js") engine with the pg driver adapter, so that
// `prisma generate` and `prisma migrate deploy` run offline (see README, "Migrations").
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

type ScriptRunner = { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never; executeScript(script: string): Promise<void> };

// adapter-pg 7.10.1 runs a migration by splitting its SQL on every ";" (which breaks function
// bodies) and sending the pieces one by one, each on any connection of its pool (so a failure
// leaves half a migration behind). This sends the whole script as one simple query instead:
// Postgres runs it as one implicit transaction, all or nothing.
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script: string) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new WholeScriptPg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true });
  },
});
