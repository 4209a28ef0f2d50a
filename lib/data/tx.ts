import "server-only";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";

// A transaction's connection, with its statements in one queue. `send` starts a statement and lets
// Node go on working while Postgres runs it (the Sync API stores a 2 MB CSV that way while it
// parses and coerces the rows); every statement issued meanwhile waits for it, so nothing is ever
// sent on a busy connection (pg 8 only warns about that, pg 9 refuses it), and when a sent
// statement fails, the statements after it fail with its error without being sent. Domain code
// just queries: the waiting happens here.

export type Queryable = Pick<Tx, "query">;

const ignore = () => undefined;

export class Tx {
  readonly #client: pg.PoolClient;
  // Settles (never rejects) when the last statement issued has finished: the queue's tail.
  #tail: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | null = null;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  query<R extends unknown[] = unknown[]>(config: pg.QueryArrayConfig): Promise<pg.QueryArrayResult<R>>;
  query(textOrConfig: string | pg.QueryArrayConfig, values?: unknown[]): Promise<unknown> {
    return this.#enqueue(() =>
      typeof textOrConfig === "string" ? this.#client.query(textOrConfig, values) : this.#client.query(textOrConfig),
    );
  }

  // Starts a statement without waiting for it. Its failure fails whatever is issued after it; the
  // returned promise may be awaited or dropped.
  send(text: string, values?: unknown[]): Promise<void> {
    const sent = this.#enqueue(() => this.#client.query(text, values), { failsTheRest: true }).then(ignore);
    sent.catch(ignore); // awaited by the next statement; this only keeps a dropped failure from going unhandled
    return sent;
  }

  // Whether statements are still queued or running, and a promise that settles (never rejects)
  // when the connection is free: Node can work ahead until then.
  get busy(): boolean {
    return this.#queued > 0;
  }
  idle(): Promise<void> {
    return this.#tail;
  }

  // COPY … FROM STDIN, opened once the statements before it have finished; the queue stays busy
  // until the stream ends.
  async copyFrom(sql: string, options?: { highWaterMark?: number }): Promise<CopyStreamQuery> {
    let done: Promise<unknown> = Promise.resolve();
    const opened = this.#enqueue(async () => {
      const stream = this.#client.query(copyFrom(sql, options));
      done = finished(stream);
      return stream;
    }, { until: () => done });
    return opened;
  }

  #queued = 0;

  // `until`: the statement keeps the connection busy after `run` resolves, until that settles.
  #enqueue<T>(run: () => Promise<T>, options: { failsTheRest?: boolean; until?: () => Promise<unknown> } = {}): Promise<T> {
    const start = async () => {
      if (this.#failure) throw this.#failure.error;
      try {
        return await run();
      } catch (err) {
        if (options.failsTheRest) this.#failure ??= { error: err };
        throw err;
      }
    };
    // On a free connection the statement is sent now, synchronously: the caller's next
    // synchronous work (parsing a CSV) already overlaps it.
    const result = this.#queued === 0 ? start() : this.#tail.then(start);
    this.#queued++;
    this.#tail = result
      .then(() => options.until?.())
      .then(ignore, ignore)
      .then(() => {
        this.#queued--;
      });
    return result;
  }
}
