// GET /v0/meta/bases/{baseId}/tables: the base's tables and fields in Airtable's schema shape.
import { apiRoute } from "@/lib/http/api";
import { authorizeSchemaRead } from "@/lib/sync/access";
import { listTableSchemas } from "@/lib/tables/schema";

export const GET = apiRoute<{ baseId: string }>(async ({ params, principal }) => {
  await authorizeSchemaRead(principal, params.baseId);
  return listTableSchemas(params.baseId);
});
