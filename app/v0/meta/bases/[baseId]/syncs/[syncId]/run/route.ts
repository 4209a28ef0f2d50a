// POST /v0/meta/bases/{baseId}/syncs/{syncId}/run: "Sync now" — apply the latest received CSV.
import { authorizeBase, SYNC_RUN } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { runSyncNow } from "@/lib/sync/run-now";

export const POST = apiRoute<{ baseId: string; syncId: string }>(async ({ req, params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_RUN);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  const allowMassDeletion = new URL(req.url).searchParams.get("allowMassDeletion") === "true";
  return runSyncNow({ syncId: sync.id, trigger: "manual", allowMassDeletion });
});
