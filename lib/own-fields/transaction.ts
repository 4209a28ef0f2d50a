import "server-only";
import type pg from "pg";
import { getPool } from "../db";

// One transaction on a pooled connection for an own-field change: everything in it commits
// together or not at all (a refused write changes nothing).
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
