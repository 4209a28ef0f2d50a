// GET /v0/meta/syncs: every sync this token can see, across its bases, with its latest run.
import { requireScopes } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { listSyncOverviews } from "@/lib/sync/overview";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute(async ({ principal }) => {
  // Like a sync's own status: schema.bases:read, or the write scope the wizard's tokens carry.
  requireScopes(principal, principal.scopes.includes("schema.bases:read") ? ["schema.bases:read"] : ["schema.bases:write"]);
  const syncs = await listSyncOverviews({ userId: principal.userId, baseIds: principal.allBases ? null : principal.baseIds });
  return { syncs };
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
