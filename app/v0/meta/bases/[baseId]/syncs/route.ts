// POST /v0/meta/bases/{baseId}/syncs creates a sync endpoint; GET lists the base's syncs.
import { authorizeBase, SYNC_WRITE } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api";
import { publicOrigin, readJsonBody } from "@/lib/http/body";
import { parseBody } from "@/lib/http/validate";
import { authorizeSchemaRead } from "@/lib/sync/access";
import { createSyncSchema } from "@/lib/sync-shapes/config";
import { createSyncEndpoint, listSyncs } from "@/lib/sync/endpoints";
import { methodNotAllowed } from "@/lib/http/methods";

type Params = { baseId: string };

export const POST = apiRoute<Params>(async ({ req, params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  const { name } = parseBody(createSyncSchema, await readJsonBody(req));
  const origin = publicOrigin(req, env.PUBLIC_URL, env.TRUST_PROXY);
  return createSyncEndpoint({ baseId: params.baseId, name, createdById: principal.userId, origin });
});

export const GET = apiRoute<Params>(async ({ req, params, principal }) => {
  await authorizeSchemaRead(principal, params.baseId);
  return { syncs: await listSyncs(params.baseId, publicOrigin(req, env.PUBLIC_URL, env.TRUST_PROXY)) };
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
