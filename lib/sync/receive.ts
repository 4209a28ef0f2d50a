import "server-only";
import { decodeCsvBody } from "../csv/decode";
import { checkHeaderForConfig } from "../csv/header";
import { parseCsv } from "../csv/parse";
import { ApiError, toApiError } from "../errors";
import { newId } from "../ids";
import type { SyncEndpointRef } from "./endpoints";
import { applyPayload } from "./engine";
import { countSyncRequest } from "./rate-limit";
import { countsOf, insertRun, recordFailedRun, ZERO_COUNTS, type RunCounts, type SyncRunJson } from "./runs";
import { describePayload, insertPayload, readSync, writeSyncState } from "./store";
import { withTableLock } from "./transaction";

export type SyncResponse = { success: true; runId: string; status: "applied" | "received" } & RunCounts;

// The Sync API after the route's guards (auth, content type, size): count the request, then in one
// table-locked transaction store the CSV, parse it, and apply it when the sync is set up with the
// automatic update method. Whatever fails leaves nothing but a failed run.
export async function receiveSyncRequest(input: {
  sync: SyncEndpointRef;
  body: Uint8Array;
  clock?: () => Date;
}): Promise<SyncResponse> {
  const { sync, body } = input;
  const clock = input.clock ?? (() => new Date());
  await countSyncRequest(sync.baseId);

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
      // Every request's CSV is kept (a failure rolls it back). The server writes the body while
      // Node parses it; both finish before anything else is sent on this connection.
      const stored = insertPayload(tx, { id: runId, syncId: sync.id, receivedAt: now, body: text, bytes: body.byteLength });
      let parseMs = 0;
      const parsing = Promise.resolve().then(() => {
        const parseStart = performance.now();
        const result = parseCsv(text);
        parseMs = performance.now() - parseStart;
        return result;
      });
      const [parsedOutcome, storedOutcome] = await Promise.allSettled([parsing, stored]);
      if (parsedOutcome.status === "rejected") throw parsedOutcome.reason;
      if (storedOutcome.status === "rejected") throw storedOutcome.reason;
      const parsed = parsedOutcome.value;
      const timings = { parseMs: round(decodeMs + parseMs), lockWaitMs };
      const parsedCounts = { rowsReceived: parsed.totalRows, rowsIgnored: parsed.ignoredRows };
      counts = parsedCounts;
      // Read under the lock: a configuration saved meanwhile decides how this request is handled.
      if (state.config) checkHeaderForConfig(parsed.header, state.config);
      await describePayload(tx, runId, parsed);
      if (state.status !== "active" || !state.config || state.config.updateMethod === "manual") {
        if (state.status === "waiting") await writeSyncState(tx, sync.id, { status: "received", config: null });
        return storedOnly(tx, { runId, syncId: sync.id, startedAt, timings, counts: parsedCounts });
      }
      return applyPayload(tx, {
        sync: state,
        config: state.config,
        payload: { id: runId, ...parsed },
        trigger: "api",
        runId,
        startedAt,
        now,
        timings,
      });
    });
    return toSyncResponse(run);
  } catch (err) {
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
