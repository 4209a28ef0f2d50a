import "server-only";
import { getPool } from "../../db";
import { Tx } from "../../data/tx";
import { env } from "../../env";
import { ApiError } from "../../errors";

// Everything that changes a synced table (a sync, "Sync now", a configuration change) runs in one
// transaction holding the table's advisory lock, so runs on one table are serialised and a
// failure leaves nothing behind. The lock is transaction-scoped: a crashed process cannot leak it.
// A sync that finds the lock taken waits *without* a connection: it gives its connection back and
// tries again a little later (20 ms, growing to 250 ms, with jitter) until LOCK_TIMEOUT_MS. Waiting
// inside Postgres would hold a pooled connection per queued sync, and a dozen syncs queued on
// one base's table would starve every other request of the process.

// Tests and tools that need to hold a table's lock use the same key.
export const TABLE_LOCK_KEY_SQL = "hashtextextended('tablesync:table:' || $1::text, 0)";

export type { Tx };

const FIRST_RETRY_MS = 20;
const MAX_RETRY_MS = 250;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withTableLock<T>(
  tableId: string,
  work: (tx: Tx, lockWaitMs: number) => Promise<T>,
  // rollback: undo everything `work` did and still return its result (a dry run).
  options: { lockTimeoutMs?: number; rollback?: boolean } = {},
): Promise<T> {
  const waitStart = performance.now();
  const deadline = waitStart + (options.lockTimeoutMs ?? env.LOCK_TIMEOUT_MS);
  for (let retryMs = FIRST_RETRY_MS; ; retryMs = Math.min(MAX_RETRY_MS, retryMs * 2)) {
    const attempt = await tryWithTableLock(tableId, work, waitStart, options.rollback ?? false);
    if (attempt.locked) return attempt.result;
    const left = deadline - performance.now();
    if (left <= 0) {
      throw new ApiError("RETRIABLE_ERROR", "Another sync of this table is still running. Try again shortly.", {
        retryAfterSeconds: 5,
      });
    }
    await sleep(Math.min(left, retryMs * (0.5 + Math.random())));
  }
}

type Attempt<T> = { locked: true; result: T } | { locked: false };

async function tryWithTableLock<T>(
  tableId: string,
  work: (tx: Tx, lockWaitMs: number) => Promise<T>,
  waitStart: number,
  rollback: boolean,
): Promise<Attempt<T>> {
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
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT set_config('lock_timeout', $2, true), set_config('statement_timeout', $3, true),
              pg_try_advisory_xact_lock(${TABLE_LOCK_KEY_SQL}) AS locked`,
      [tableId, `${env.LOCK_TIMEOUT_MS}ms`, `${env.TRANSACTION_TIMEOUT_MS}ms`],
    );
    if (!rows[0].locked) {
      await client.query("ROLLBACK");
      return { locked: false };
    }
    const result = await work(tx, Math.round(performance.now() - waitStart));
    // After the statements still queued; fails if one of them failed.
    await tx.query(rollback ? "ROLLBACK" : "COMMIT");
    return { locked: true, result };
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
