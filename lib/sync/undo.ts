import "server-only";
import { db, getPool } from "../db";
import { readSync, writeSyncConfig } from "../data/sync-endpoints";
import { insertRun, ZERO_COUNTS } from "../data/sync-runs";
import { ApiError, invalidRequest, notFound, toApiError } from "../errors";
import { newId } from "../ids";
import type { SyncRunJson } from "../sync-shapes/json";
import { withTableLock } from "./engine/transaction";
import { hasChangeList, markUndone, readUndoCandidate, revertRunChanges } from "./engine/undo";

// POST …/runs/{runId}/undo: restore the table to its state before that run. Only the latest
// applied run that is not undone yet qualifies (repeat to go further back), and only while its
// change list is kept. The undo is itself a run (trigger "undo"), in one table-locked transaction.
export async function undoSyncRun(input: { syncId: string; runId: string }): Promise<SyncRunJson> {
  const sync = await db.syncEndpoint.findUnique({ where: { id: input.syncId }, select: { id: true, tableId: true } });
  if (!sync) throw notFound(`No sync ${input.syncId}.`);
  const target = await db.syncRun.findFirst({ where: { id: input.runId, syncId: sync.id }, select: { id: true, status: true, trigger: true } });
  if (!target) throw notFound(`No run ${input.runId} of this sync.`);
  const undoRunId = newId("run");
  const startedAt = new Date();
  try {
    return await withTableLock(sync.tableId, async (tx, lockWaitMs) => {
      const state = await readSync(tx, sync.id);
      if (!state?.config) throw invalidRequest("runId: this sync is not set up.");
      await checkUndoable(tx, { syncId: sync.id, target });
      const { config, ...counts } = await revertRunChanges(tx, { tableId: sync.tableId, syncId: sync.id, runId: target.id, config: state.config });
      if (config.fields.length !== state.config.fields.length) await writeSyncConfig(tx, sync.id, config);
      await markUndone(tx, { runId: target.id, undoRunId });
      return insertRun(tx, {
        ...ZERO_COUNTS,
        ...counts,
        id: undoRunId,
        syncId: sync.id,
        trigger: "undo",
        status: "applied",
        payloadId: null,
        startedAt,
        finishedAt: new Date(),
        timings: { lockWaitMs },
        problems: [],
      });
    });
  } catch (err) {
    if (err instanceof ApiError && err.type === "INVALID_REQUEST_UNKNOWN") throw err;
    // Best effort, on its own connection after the rollback: the undo already failed.
    await insertRun(getPool(), {
      ...ZERO_COUNTS,
      id: undoRunId,
      syncId: sync.id,
      trigger: "undo",
      status: "failed",
      payloadId: null,
      startedAt,
      finishedAt: new Date(),
      timings: {},
      problems: [],
      error: toApiError(err).message,
    }).catch((e: Error) => console.error(`could not record failed run: ${e.message}`));
    throw err;
  }
}

async function checkUndoable(
  tx: Parameters<typeof readUndoCandidate>[0],
  input: { syncId: string; target: { id: string; status: string; trigger: string } },
): Promise<void> {
  const { target } = input;
  if (target.trigger === "undo") throw invalidRequest(`runId: run ${target.id} is an undo; an undo cannot be undone.`);
  if (target.status !== "applied") throw invalidRequest(`runId: run ${target.id} changed nothing (status ${target.status}); there is nothing to undo.`);
  const list = await hasChangeList(tx, target.id);
  if (list?.undoneBy) throw invalidRequest(`runId: run ${target.id} was already undone by run ${list.undoneBy}.`);
  const latest = await readUndoCandidate(tx, input.syncId);
  if (latest?.runId !== target.id) {
    throw invalidRequest(`runId: only the latest applied run can be undone: undo run ${latest?.runId ?? "?"} first.`);
  }
  if (target.trigger === "config") {
    throw invalidRequest(`runId: run ${target.id} applied a configuration change; change the configuration back instead.`);
  }
  if (!list) throw invalidRequest(`runId: the change list of run ${target.id} is no longer kept, so it cannot be undone.`);
}

// The run an undo would revert now, if any (for the run history's Undo button).
export async function findUndoableRun(syncId: string): Promise<string | null> {
  const { rows } = await getPool().query<{ id: string; trigger: string; kept: boolean }>(
    `SELECT r.id, r.trigger, c.run_id IS NOT NULL AS kept FROM sync_runs r LEFT JOIN sync_run_changes c ON c.run_id = r.id
      WHERE r.sync_id = $1 AND r.status = 'applied' AND r.trigger <> 'undo' AND c.undone_by IS NULL
      ORDER BY r.finished_at DESC, r.started_at DESC LIMIT 1`,
    [syncId],
  );
  const run = rows[0];
  return run && run.kept && run.trigger !== "config" ? run.id : null;
}
