// A fresh database for one test run: on the Postgres server at 127.0.0.1:5432 when it answers
// (CI starts it), otherwise the embedded PGlite server in a temporary directory.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type TestDatabase = { url: string; embedded: boolean; drop(): Promise<void> };

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (await serverAnswers(ADMIN_URL)) {
    const name = `tablesync_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      async drop() {
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  process.env.TABLESYNC_DATA_DIR = mkdtempSync(path.join(tmpdir(), "tablesync-test-"));
  process.env.TABLESYNC_EMBEDDED_PORT ??= "54339";
  const { connectOrStartEmbedded } = await import("./embedded-postgres");
  const embedded = await connectOrStartEmbedded();
  return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
}
