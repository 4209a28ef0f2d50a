// GET /v0/meta/syncs: every sync this token can see, across its bases, with its latest run.
import { requireScopes } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { listSyncOverviews } from "@/lib/sync/overview";

export const GET = apiRoute(async ({ principal }) => {
  // Like a sync's own status: schema.bases:read, or the write scope the wizard's tokens carry.
  requireScopes(principal, principal.scopes.includes("schema.bases:read") ? ["schema.bases:read"] : ["schema.bases:write"]);
  const syncs = await listSyncOverviews({ userId: principal.userId, baseIds: principal.allBases ? null : principal.baseIds });
  return { syncs };
});
