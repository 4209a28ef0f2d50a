// Prisma CLI configuration: the WASM ("js") engine with the pg driver adapter, so that
// `prisma generate` and `prisma migrate deploy` run offline (see README, "Migrations").
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true });
  },
});
