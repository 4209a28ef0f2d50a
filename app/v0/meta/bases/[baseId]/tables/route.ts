// GET /v0/meta/bases/{baseId}/tables: the base's tables, fields and views in Airtable's schema shape (scope schema.bases:read).
import { apiRoute } from "@/lib/http/api";
import { authorizeBase, SCHEMA_READ } from "@/lib/auth/permissions";
import { listTableSchemas } from "@/lib/tables/schema";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute<{ baseId: string }>(async ({ params, principal }) => {
  await authorizeBase(principal, params.baseId, SCHEMA_READ);
  return listTableSchemas(params.baseId);
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
