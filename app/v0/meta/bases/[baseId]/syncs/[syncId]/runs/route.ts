// GET /v0/meta/bases/{baseId}/syncs/{syncId}/runs: the sync's runs, newest first.
import { apiRoute } from "@/lib/http/api";
import { authorizeSchemaRead, syncViewer } from "@/lib/sync/access";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { listRuns } from "@/lib/data/sync-runs";
import { redactRun } from "@/lib/sync/redact";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute<{ baseId: string; syncId: string }>(async ({ params, principal }) => {
  const viewer = syncViewer(principal, await authorizeSchemaRead(principal, params.baseId));
  const sync = await findSyncInBase(params.baseId, params.syncId);
  return { runs: (await listRuns(sync.id)).map((run) => redactRun(run, viewer)) };
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
