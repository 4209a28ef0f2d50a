// GET /v0/meta/bases: the bases this token can see, in Airtable's list-bases shape.
import { apiRoute } from "@/lib/http/api";
import { requireScopes } from "@/lib/auth/permissions";
import { listBasesForPrincipal } from "@/lib/accounts/bases";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute(async ({ principal }) => {
  requireScopes(principal, ["schema.bases:read"]);
  return { bases: await listBasesForPrincipal(principal) };
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
