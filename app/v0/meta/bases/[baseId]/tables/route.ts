// GET /v0/meta/bases/{baseId}/tables: the base's tables and fields in Airtable's schema shape.
import { apiRoute } from "@/lib/http/api";
import { authorizeSchemaRead } from "@/lib/sync/access";
import { listTableSchemas } from "@/lib/tables/schema";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute<{ baseId: string }>(async ({ params, principal }) => {
  await authorizeSchemaRead(principal, params.baseId);
  return listTableSchemas(params.baseId);
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
