// GET /v0/meta/bases/{baseId}/syncs/{syncId}: the sync's status; PUT: save its configuration;
// DELETE: delete the sync and its table.
import { authorizeBase, SYNC_WRITE } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api";
import { publicOrigin, readJsonBody } from "@/lib/http/body";
import { parseBody } from "@/lib/http/validate";
import { authorizeSchemaRead, syncViewer } from "@/lib/sync/access";
import { syncConfigSchema } from "@/lib/sync-shapes/config";
import { configureSync } from "@/lib/sync/configure";
import { deleteSync } from "@/lib/sync/delete";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { redactStatus } from "@/lib/sync/redact";
import { getSyncStatus } from "@/lib/sync/status";
import { methodNotAllowed } from "@/lib/http/methods";

type Params = { baseId: string; syncId: string };

export const GET = apiRoute<Params>(async ({ req, params, principal }) => {
  const role = await authorizeSchemaRead(principal, params.baseId);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  return redactStatus(await getSyncStatus(sync.id, publicOrigin(req, env.PUBLIC_URL, env.TRUST_PROXY)), syncViewer(principal, role));
});

export const PUT = apiRoute<Params>(async ({ req, params, principal }) => {
  const role = await authorizeBase(principal, params.baseId, SYNC_WRITE);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  const config = parseBody(syncConfigSchema, await readJsonBody(req));
  // ?dryRun=true: what the change would do (ConfigurePreview), nothing saved.
  if (new URL(req.url).searchParams.get("dryRun") === "true") return configureSync({ sync, config, dryRun: true });
  await configureSync({ sync, config });
  return redactStatus(await getSyncStatus(sync.id, publicOrigin(req, env.PUBLIC_URL, env.TRUST_PROXY)), syncViewer(principal, role));
});

export const DELETE = apiRoute<Params>(async ({ params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  return deleteSync(await findSyncInBase(params.baseId, params.syncId));
});

const notAllowed = methodNotAllowed(["GET", "PUT", "DELETE"]);
export { notAllowed as POST, notAllowed as PATCH };
