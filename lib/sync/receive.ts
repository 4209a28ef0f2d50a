import "server-only";
import { decodeCsvBody } from "../csv/decode";
import { checkHeaderForConfig } from "../csv/header";
import { parseCsv, type ParsedCsv } from "../csv/parse";
import { ApiError, toApiError } from "../errors";
import { newId } from "../ids";
import type { SyncEndpointRef } from "./endpoints";
import { applyPayload } from "./engine";
import { countSyncRequest } from "./rate-limit";
import { countsOf, insertRun, recordFailedRun, ZERO_COUNTS, type RunCounts, type SyncRunJson } from "./runs";
import { insertPayload, readSync, writeSyncState } from "./store";
import { withTableLock } from "./transaction";

export type SyncResponse = { success: true; runId: string; status: "applied" | "received" } & RunCounts;

// The Sync API after the route's guards (auth, content type, size): count the request, parse the
// CSV, store it, and apply it when the sync is set up with the automatic update method.
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
  const failed = (error: string, counts: Partial<RunCounts> = {}) =>
    recordFailedRun({ id: runId, syncId: sync.id, trigger: "api", payloadId: null, startedAt, timings: {}, error, ...counts });

  const parseStart = performance.now();
  let text: string;
  let parsed: ParsedCsv;
  try {
    text = decodeCsvBody(body);
    parsed = parseCsv(text);
  } catch (err) {
    await failed(describeError(err));
    throw err;
  }
  const parseMs = Math.round((performance.now() - parseStart) * 10) / 10;
  const counts = { rowsReceived: parsed.totalRows, rowsIgnored: parsed.ignoredRows };

  try {
    const run = await withTableLock(sync.tableId, async (tx, lockWaitMs) => {
      const state = await readSync(tx, sync.id);
      if (!state) throw new ApiError("NOT_FOUND", `No sync ${sync.id}.`);
      // Read under the lock: a configuration saved meanwhile decides how this request is handled.
      if (state.config) checkHeaderForConfig(parsed.header, state.config);
      const now = clock();
      const store = () =>
        insertPayload(tx, {
          id: runId,
          syncId: sync.id,
          receivedAt: now,
          body: text,
          header: parsed.header,
          rowCount: parsed.totalRows,
          bytes: body.byteLength,
        });
      const timings = { parseMs, lockWaitMs };
      if (state.status !== "active" || !state.config || state.config.updateMethod === "manual") {
        await store();
        if (state.status === "waiting") await writeSyncState(tx, sync.id, { status: "received", config: null });
        return storedOnly(tx, { runId, syncId: sync.id, startedAt, timings, counts });
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
        alongside: store,
      });
    });
    return toSyncResponse(run);
  } catch (err) {
    await failed(describeError(err), counts);
    throw err;
  }
}

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
