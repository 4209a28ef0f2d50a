// GET /bases/{baseId}/tables/{tableId}/rows: the grid's pages (cells by field id, larger pages,
// the match count on the first page). Same query parameters and rules as the read API.
import { apiRoute } from "@/lib/http/api";
import { GRID_MAX_PAGE_SIZE } from "@/lib/records/grid";
import { listRecords } from "@/lib/records/list";
import { parseListQuery } from "@/lib/records/query";
import { openTableForRead } from "@/lib/records/read";

export const GET = apiRoute<{ baseId: string; tableId: string }>(async ({ req, params, principal }) => {
  const { table, fields } = await openTableForRead(principal, params.baseId, params.tableId);
  const query = parseListQuery(new URL(req.url).searchParams, fields, { maxPageSize: GRID_MAX_PAGE_SIZE });
  const page = await listRecords({ tableId: table.id, fields, query, withTotal: !query.offset, signal: req.signal });
  return { ...page, records: page.records.map(({ id, cells }) => ({ id, cells })) };
});
