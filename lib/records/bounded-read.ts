import "server-only";
import type pg from "pg";
import { getPool, isEmbeddedDatabase } from "../db";
import { env } from "../env";
import { ApiError } from "../errors";
import type { SqlQuery } from "./sql";

// Every read of records runs bounded: in a read-only transaction with a transaction-scoped
// statement timeout (`SET LOCAL`, which PgBouncer's transaction pooling allows), and cancelled on
// the server when its HTTP client goes away (the request's AbortSignal). The cancel is sent from
// another connection while ours is still inside its transaction, and awaited before that
// transaction ends, so it can never reach a query of whoever gets the connection next.
export async function boundedRead<R extends pg.QueryResultRow>(sql: SqlQuery, signal?: AbortSignal): Promise<pg.QueryResult<R>> {
  if (signal?.aborted) throw clientGone();
  const pool = getPool();
  const client = await pool.connect();
  let running = false;
  let cancelling: Promise<unknown> | undefined;
  let pid = 0;
  const cancel = () => {
    if (running && pid && !isEmbeddedDatabase()) cancelling = pool.query("SELECT pg_cancel_backend($1)", [pid]).catch(() => undefined);
  };
  try {
    // One round trip: the timeout is a whole number of milliseconds from the validated env.
    const setup = (await client.query(
      `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.floor(env.READ_STATEMENT_TIMEOUT_MS)}; SELECT pg_backend_pid() AS pid`,
    )) as unknown as pg.QueryResult<{ pid: number }>[];
    pid = setup[2]?.rows[0]?.pid ?? 0;
    signal?.addEventListener("abort", cancel, { once: true });
    running = true;
    const result = await client.query<R>(sql.text, sql.values);
    running = false;
    await cancelling;
    await client.query("COMMIT");
    return result;
  } catch (err) {
    running = false;
    await cancelling;
    await client.query("ROLLBACK").catch(() => undefined);
    throw translate(err, signal);
  } finally {
    signal?.removeEventListener("abort", cancel);
    client.release();
  }
}

const clientGone = () => new ApiError("RETRIABLE_ERROR", "The request was cancelled by its client.", { retryAfterSeconds: 1 });

function translate(err: unknown, signal?: AbortSignal): unknown {
  if ((err as { code?: string })?.code !== "57014") return err;
  if (signal?.aborted) return clientGone();
  const seconds = env.READ_STATEMENT_TIMEOUT_MS / 1000;
  return new ApiError("RETRIABLE_ERROR", `The query took longer than the ${seconds} s allowed for a read. Narrow the search or sort, or try again later.`, {
    retryAfterSeconds: Math.max(1, Math.ceil(seconds)),
  });
}
