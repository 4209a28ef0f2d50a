// POST /v0/meta/bases/{baseId}/syncs/{syncId}/runs/{runId}/undo: restore the table to its state before that run.
import { authorizeBase, SYNC_WRITE } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { undoSyncRun } from "@/lib/sync/undo";

export const POST = apiRoute<{ baseId: string; syncId: string; runId: string }>(async ({ params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  return undoSyncRun({ syncId: sync.id, runId: params.runId });
});
