// POST /v0/meta/bases/{baseId}/syncs/{syncId}/run: "Sync now" — apply the latest received CSV.
import { authorizeBase, SYNC_RUN } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { syncViewer } from "@/lib/sync/access";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { redactRun } from "@/lib/sync/redact";
import { runSyncNow } from "@/lib/sync/run-now";
import { methodNotAllowed } from "@/lib/http/methods";

export const POST = apiRoute<{ baseId: string; syncId: string }>(async ({ req, params, principal }) => {
  const role = await authorizeBase(principal, params.baseId, SYNC_RUN);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  const allowMassDeletion = new URL(req.url).searchParams.get("allowMassDeletion") === "true";
  return redactRun(await runSyncNow({ syncId: sync.id, trigger: "manual", allowMassDeletion }), syncViewer(principal, role));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
