// GET /v0/meta/bases/{baseId}/syncs/{syncId}/runs/{runId}/changes: what a run changed, paged.
import { apiRoute } from "@/lib/http/api";
import { authorizeSchemaRead, syncViewer } from "@/lib/sync/access";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { redactChanges } from "@/lib/sync/redact";
import { listRunChanges } from "@/lib/sync/run-changes";

export const GET = apiRoute<{ baseId: string; syncId: string; runId: string }>(async ({ req, params, principal }) => {
  const viewer = syncViewer(principal, await authorizeSchemaRead(principal, params.baseId));
  const sync = await findSyncInBase(params.baseId, params.syncId);
  const query = new URL(req.url).searchParams;
  const list = await listRunChanges({
    syncId: sync.id,
    runId: params.runId,
    offset: query.get("offset"),
    pageSize: query.get("pageSize"),
    search: query.get("search"),
    kind: query.get("kind"),
  });
  return redactChanges(list, viewer);
});
