import "server-only";
import { getPool } from "../../db";
import { Tx } from "../../data/tx";
import { env } from "../../env";
import { ApiError } from "../../errors";

// Everything that changes a synced table (a sync, "Sync now", a configuration change) runs in one
// transaction holding the table's advisory lock, so runs on one table are serialised and a
// failure leaves nothing behind. The lock is transaction-scoped: a crashed process cannot leak it.

// Tests and tools that need to hold a table's lock use the same key.
export const TABLE_LOCK_KEY_SQL = "hashtextextended('tablesync:table:' || $1::text, 0)";

export type { Tx };

export async function withTableLock<T>(
  tableId: string,
  work: (tx: Tx, lockWaitMs: number) => Promise<T>,
  // rollback: undo everything `work` did and still return its result (a dry run).
  options: { lockTimeoutMs?: number; rollback?: boolean } = {},
): Promise<T> {
  const client = await getPool().connect();
  const tx = new Tx(client);
  let broken: Error | undefined;
  // A connection that dies mid-transaction (database stopped, network cut) emits "error" on the
  // client; without a listener that would be an uncaught exception that takes the process down.
  const onConnectionError = (err: Error) => {
    broken = err;
  };
  client.on("error", onConnectionError);
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", [
      `${options.lockTimeoutMs ?? env.LOCK_TIMEOUT_MS}ms`,
      `${env.TRANSACTION_TIMEOUT_MS}ms`,
    ]);
    const waitStart = performance.now();
    try {
      await client.query(`SELECT pg_advisory_xact_lock(${TABLE_LOCK_KEY_SQL})`, [tableId]);
    } catch (err) {
      if ((err as { code?: string }).code === "55P03") {
        throw new ApiError("RETRIABLE_ERROR", "Another sync of this table is still running. Try again shortly.", {
          retryAfterSeconds: 5,
        });
      }
      throw err;
    }
    const result = await work(tx, Math.round(performance.now() - waitStart));
    // After the statements still queued; fails if one of them failed.
    await tx.query(options.rollback ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (err) {
    await tx.idle(); // nothing may be sent while a statement runs, not even ROLLBACK
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.off("error", onConnectionError);
    // A client whose rollback failed may be mid-protocol: destroy it rather than reuse it.
    client.release(broken);
  }
}
