import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env, requireDatabaseUrl } from "./env";

// One pool and one Prisma client per process. The pool is shared: Prisma uses it through the
// driver adapter, and the sync engine uses it directly for COPY and set-based SQL.
function createDb() {
  const pool = new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: env.DB_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle client losing its server (Postgres restart) must not crash the process.
  pool.on("error", (err) => console.error("database pool error:", err.message));
  // …nor must a checked-out client losing its server mid-query: the query fails with its own error.
  pool.on("connect", (client) => client.on("error", (err) => console.error("database connection error:", err.message)));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { timeout: env.TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    omit: { user: { passwordHash: true }, accessToken: { secretHash: true } },
  });
  return { pool, prisma };
}

type Db = ReturnType<typeof createDb>;
export type DbClient = Db["prisma"];

const globalForDb = globalThis as unknown as { tablesyncDb?: Db };

function getDb(): Db {
  globalForDb.tablesyncDb ??= createDb();
  return globalForDb.tablesyncDb;
}

// Lazy so that importing this module (e.g. while Next builds) does not need a database.
export const db = new Proxy({} as DbClient, {
  get(_target, prop) {
    const prisma = getDb().prisma;
    const value = Reflect.get(prisma, prop);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export function getPool(): pg.Pool {
  return getDb().pool;
}

// One transaction on a pooled connection: everything `work` does commits together, or nothing
// does (any error rolls back and is thrown again).
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export const isEmbeddedDatabase = (): boolean => env.TABLESYNC_EMBEDDED === "1";

export async function closeDb(): Promise<void> {
  const current = globalForDb.tablesyncDb;
  if (!current) return;
  globalForDb.tablesyncDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end();
}
