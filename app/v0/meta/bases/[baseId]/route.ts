// GET /v0/meta/bases/{baseId}: one base's id, name and the token user's permission level.
import { apiRoute } from "@/lib/http/api";
import { authorizeBase, SCHEMA_READ } from "@/lib/auth/permissions";
import { getBase } from "@/lib/accounts/bases";
import { forbidden } from "@/lib/errors";
import { permissionLevelOf } from "@/lib/auth/scopes";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute<{ baseId: string }>(async ({ params, principal }) => {
  const role = await authorizeBase(principal, params.baseId, SCHEMA_READ);
  const base = await getBase(params.baseId);
  if (!base) throw forbidden();
  return { id: base.id, name: base.name, permissionLevel: permissionLevelOf(role) };
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
