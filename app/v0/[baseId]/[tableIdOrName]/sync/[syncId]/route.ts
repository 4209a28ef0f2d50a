// POST /v0/{baseId}/{tableIdOrName}/sync/{syncId}: the Sync API — receive a CSV, apply it when set up.
import { authorizeBase, SYNC_WRITE } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { findSyncForUrl } from "@/lib/sync/endpoints";
import { handleSyncPost } from "@/lib/sync/sync-request";
import { methodNotAllowed } from "@/lib/http/methods";

export const POST = apiRoute<{ baseId: string; tableIdOrName: string; syncId: string }>(async ({ req, params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  const sync = await findSyncForUrl(params);
  return handleSyncPost(req, sync);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
