import "server-only";
import { parseCsv } from "../csv/parse";
import { db } from "../db";
import { ApiError, invalidRequest, notFound } from "../errors";
import { newId } from "../ids";
import { applyPayload } from "./engine/apply-payload";
import { recordFailedRun, type RunTrigger, type SyncRunJson } from "./engine/runs";
import { describeError } from "./receive";
import { readLatestPayload, readSync } from "./engine/store";
import { withTableLock } from "./engine/transaction";

// "Sync now": apply the most recently received payload of a configured sync. `now` is the sync's
// clock (record timestamps, retention window); tests inject it.
export async function runSyncNow(input: { syncId: string; trigger?: RunTrigger; now?: Date; allowMassDeletion?: boolean }): Promise<SyncRunJson> {
  const sync = await db.syncEndpoint.findUnique({ where: { id: input.syncId }, select: { id: true, tableId: true } });
  if (!sync) throw notFound(`No sync ${input.syncId}.`);
  const trigger = input.trigger ?? "manual";
  const runId = newId("run");
  const startedAt = new Date();
  try {
    return await withTableLock(sync.tableId, async (tx, lockWaitMs) => {
      const state = await readSync(tx, sync.id);
      if (!state?.config || state.status !== "active") {
        throw invalidRequest("sync: this sync is not set up yet; configure it before running it.");
      }
      const stored = await readLatestPayload(tx, sync.id);
      if (!stored) throw invalidRequest("sync: no CSV has been received yet.");
      const parseStart = performance.now();
      const parsed = parseCsv(stored.body);
      const parseMs = Math.round((performance.now() - parseStart) * 10) / 10;
      return applyPayload(tx, {
        sync: state,
        config: state.config,
        payload: { id: stored.id, ...parsed },
        trigger,
        runId,
        startedAt,
        now: input.now ?? new Date(),
        timings: { parseMs, lockWaitMs },
        allowMassDeletion: input.allowMassDeletion,
      });
    });
  } catch (err) {
    // A refused request (not set up, nothing received) is not a run; anything else is a failed one.
    if (err instanceof ApiError && err.type === "INVALID_REQUEST_UNKNOWN") throw err;
    await recordFailedRun({ id: runId, syncId: sync.id, trigger, payloadId: null, startedAt, timings: {}, error: describeError(err) });
    throw err;
  }
}
