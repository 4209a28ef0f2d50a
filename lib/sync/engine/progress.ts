import "server-only";
import { clearProgress, readProgress, writeProgress } from "../../data/sync-progress";
import { isEmbeddedDatabase } from "../../db";
import type { RunProgressJson } from "../../sync-shapes/json";

// How far a run in flight has got, for "Create table" and "Sync now" on large tables. A run's own
// writes are invisible to others until it commits, so progress goes to `sync_progress` on another
// pooled connection, outside the transaction: a few times a second, never awaited by the run, and
// only once the run has lasted WRITE_EVERY_MS (small syncs write nothing). The row is deleted when
// the run ends; readers also ignore it once its run is recorded or it has gone stale (a crash).
// Not on the embedded database: there a query on another connection waits for the transaction.

const WRITE_EVERY_MS = 250;

export type RunProgress = {
  // Rows coerced and handed to the database (or found unchanged).
  add(rows: number): void;
  // True a few times a second: a long synchronous loop should turn the event loop then, so the
  // progress write (and its heartbeat) can go out.
  wantsTurn(): boolean;
  end(): void;
};

const IGNORED: RunProgress = { add: () => undefined, wantsTurn: () => false, end: () => undefined };

export function startProgress(input: { syncId: string; runId: string; total: number; startedAt: Date }): RunProgress {
  if (isEmbeddedDatabase()) return IGNORED;
  const begun = performance.now();
  let done = 0;
  let lastWrite = begun;
  let lastTurn = begun;
  let inFlight = false;
  let wrote = false;
  let ended = false;
  let chain: Promise<unknown> = Promise.resolve();

  const write = () => {
    if (ended || inFlight) return;
    inFlight = true;
    wrote = true;
    lastWrite = performance.now();
    const phase = done >= input.total ? "writing" : "applying";
    chain = chain
      .then(() =>
        writeProgress({ syncId: input.syncId, runId: input.runId, phase, rowsDone: Math.min(done, input.total), rowsTotal: input.total, startedAt: input.startedAt }),
      )
      .catch((err: Error) => console.error(`sync progress not written: ${err.message}`))
      .finally(() => (inFlight = false));
  };
  // The heartbeat: keeps the row fresh while a statement runs and no rows move.
  const timer = setInterval(write, WRITE_EVERY_MS);
  timer.unref();

  return {
    add(rows) {
      done += rows;
      if (performance.now() - lastWrite >= WRITE_EVERY_MS) write();
    },
    wantsTurn() {
      const now = performance.now();
      if (now - lastTurn < WRITE_EVERY_MS) return false;
      lastTurn = now;
      return true;
    },
    end() {
      clearInterval(timer);
      ended = true;
      if (!wrote) return;
      chain = chain
        .then(() => clearProgress(input.syncId, input.runId))
        .catch((err: Error) => console.error(`sync progress not cleared: ${err.message}`));
    },
  };
}

// Counts rows through `progress` as they are drawn, turning the event loop when it asks (see
// wantsTurn): for the synchronous loops that coerce rows.
export function* countRows<T>(rows: Iterable<T>, progress: RunProgress | undefined): Generator<T> {
  if (!progress) return yield* rows;
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n === 250) {
      progress.add(n);
      n = 0;
    }
  }
  progress.add(n);
}

export async function readRunProgress(syncId: string): Promise<RunProgressJson | null> {
  return isEmbeddedDatabase() ? null : readProgress(syncId);
}
