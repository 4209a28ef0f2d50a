import "server-only";
import { decodeCsvBody } from "../csv/decode";
import { checkHeaderForConfig } from "../csv/header";
import { parseCsv } from "../csv/parse";
import { ApiError, toApiError } from "../errors";
import { newId } from "../ids";
import type { SyncEndpointRef } from "./endpoints";
import { applyPayload, prepareApply } from "./engine/apply-payload";
import type { ChangedKeys } from "./engine/changes";
import { countsOf, insertRun, recordFailedRun, ZERO_COUNTS, type RunCounts, type SyncRunJson } from "./engine/runs";
import { describePayload, insertPayload, readSync, writeSyncState } from "./engine/store";
import { withTableLock } from "./engine/transaction";

export type SyncResponse = { success: true; runId: string; status: "applied" | "received" } & RunCounts;
export type DryRunResponse = { success: true; status: "dryRun" } & RunCounts & { sample: { created: string[]; updated: string[]; deleted: string[] } };

// How many keys of each kind a dry run names.
const SAMPLE_KEYS = 10;

// The Sync API after the route's guards (auth, content type, size, rate limit): in one
// table-locked transaction store the CSV, parse it, and apply it when the sync is set up with the
// automatic update method. Whatever fails leaves nothing but a failed run.
//
// A dry run does all of that (applying also for a manual sync, as Sync now would) and rolls the
// transaction back: its counts are a real run's, and nothing is stored, not even a failed run.
export async function receiveSyncRequest(input: {
  sync: SyncEndpointRef;
  body: Uint8Array;
  clock?: () => Date;
  dryRun?: boolean;
  allowMassDeletion?: boolean;
}): Promise<SyncResponse | DryRunResponse> {
  const { sync, body, dryRun = false } = input;
  const clock = input.clock ?? (() => new Date());
  let sample: DryRunResponse["sample"] = { created: [], updated: [], deleted: [] };
  const onChanges = (changes: ChangedKeys) => {
    const first = (keys: string[]) => [...keys].sort().slice(0, SAMPLE_KEYS);
    sample = { created: first([...changes.created, ...changes.revived]), updated: first(changes.updated), deleted: first(changes.deleted) };
  };

  const runId = newId("run");
  const startedAt = new Date();
  let counts: Partial<RunCounts> = {};
  try {
    const decodeStart = performance.now();
    const text = decodeCsvBody(body);
    const decodeMs = performance.now() - decodeStart;
    const run = await withTableLock(sync.tableId, async (tx, lockWaitMs) => {
      const state = await readSync(tx, sync.id);
      if (!state) throw new ApiError("NOT_FOUND", `No sync ${sync.id}.`);
      const now = clock();
      // An automatic sync applies the request: its few small reads and writes come first, so that
      // nothing but the CSV's store stands between parsing and coercing (see applySyncRows).
      const config = state.status === "active" && (dryRun || state.config?.updateMethod === "auto") ? state.config : null;
      const applying = config && { config, prepared: await prepareApply(tx, { tableId: sync.tableId, config, now }) };
      // Every request's CSV is kept (a failure rolls it back). The server writes the body while
      // Node parses the CSV and then, for an automatic sync, coerces the rows.
      const stored = insertPayload(tx, { id: runId, syncId: sync.id, receivedAt: now, body: text, bytes: body.byteLength });
      stored.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled
      let pending: Promise<void> = stored;
      try {
        const parseStart = performance.now();
        const parsed = parseCsv(text);
        const timings = { parseMs: round(decodeMs + performance.now() - parseStart), lockWaitMs };
        const parsedCounts = { rowsReceived: parsed.totalRows, rowsIgnored: parsed.ignoredRows };
        counts = parsedCounts;
        // Read under the lock: a configuration saved meanwhile decides how this request is handled.
        if (state.config) checkHeaderForConfig(parsed.header, state.config);
        pending = stored.then(() => describePayload(tx, runId, parsed));
        pending.catch(() => undefined);
        if (!applying) {
          await pending;
          if (state.status === "waiting") await writeSyncState(tx, sync.id, { status: "received", config: null });
          return storedOnly(tx, { runId, syncId: sync.id, startedAt, timings, counts: parsedCounts });
        }
        const payload = { id: runId, ...parsed };
        const { allowMassDeletion } = input;
        return await applyPayload(tx, { sync: state, ...applying, payload, trigger: "api", runId, startedAt, now, timings, pending, allowMassDeletion, onChanges });
      } catch (err) {
        await pending.catch(() => undefined); // nothing else may be sent while it runs, not even ROLLBACK
        throw err;
      }
    }, { rollback: dryRun });
    if (dryRun) return { success: true, status: "dryRun", ...countsOf(run), sample };
    return toSyncResponse(run);
  } catch (err) {
    if (dryRun) throw err;
    await recordFailedRun({ id: runId, syncId: sync.id, trigger: "api", payloadId: null, startedAt, timings: {}, error: describeError(err), ...counts });
    throw err;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function storedOnly(
  tx: Parameters<typeof insertRun>[0],
  input: { runId: string; syncId: string; startedAt: Date; timings: Record<string, number>; counts: Pick<RunCounts, "rowsReceived" | "rowsIgnored"> },
): Promise<SyncRunJson> {
  return insertRun(tx, {
    id: input.runId,
    syncId: input.syncId,
    trigger: "api",
    status: "received",
    payloadId: input.runId,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    timings: input.timings,
    ...ZERO_COUNTS,
    ...input.counts,
    problems: [],
  });
}

export function toSyncResponse(run: SyncRunJson): SyncResponse {
  return {
    success: true,
    runId: run.id,
    status: run.status === "applied" ? "applied" : "received",
    ...countsOf(run),
  };
}

// What a failed run shows: the API's own message, never internals.
export const describeError = (err: unknown) => toApiError(err).message;
