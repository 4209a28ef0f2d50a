// GET /v0/{baseId}/{tableIdOrName}: list records, Airtable's shape (pageSize, offset, sort, fields[], search).
import { notFound } from "@/lib/errors";
import { apiRoute, errorResponse } from "@/lib/http/api";
import { listRecords, toApiRecord } from "@/lib/records/list";
import { parseListQuery } from "@/lib/records/query";
import { openTableForRead } from "@/lib/records/read";

export const GET = apiRoute<{ baseId: string; tableIdOrName: string }>(async ({ req, params, principal }) => {
  const { table, fields } = await openTableForRead(principal, params.baseId, params.tableIdOrName);
  const query = parseListQuery(new URL(req.url).searchParams, fields);
  const page = await listRecords({ tableId: table.id, fields, query, signal: req.signal });
  const shown = query.fields ?? fields;
  return { records: page.records.map((r) => toApiRecord(r, shown)), ...(page.offset ? { offset: page.offset } : {}) };
});

// Writing records is not part of Tablesync's API: other methods get the contract's JSON 404.
const unsupported = async () => errorResponse(notFound("Route not found."));
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
