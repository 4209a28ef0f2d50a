import "server-only";
import { cache } from "react";
import { roleAtLeast } from "../auth/scopes";
import { requireBaseMember } from "../auth/current-user";
import { db } from "../db";
import { loadTableFields } from "./fields";
import { GRID_FIRST_PAGE_SIZE } from "./grid";
import { listRecords } from "./list";
import { getTableSyncSummary } from "./sync-summary";

// Everything the table page renders on the server: the first page of rows is in the HTML, so
// records are visible before any script runs.
// Cached per request: the page and its metadata share one load. Null when the base has no such
// table (the page answers 404).
export const loadTablePage = cache(async (baseId: string, tableId: string) => {
  const { role } = await requireBaseMember(baseId);
  const table = await db.syncTable.findFirst({ where: { id: tableId, baseId } });
  if (!table) return null;
  const fields = await loadTableFields(table);
  const [page, sync] = await Promise.all([
    listRecords({
      tableId: table.id,
      fields,
      query: { pageSize: GRID_FIRST_PAGE_SIZE, sort: [], search: "", fields: null, offset: null },
      withTotal: true,
    }),
    getTableSyncSummary(table.id),
  ]);
  return {
    table: { id: table.id, name: table.name },
    fields,
    initialPage: { ...page, records: page.records.map(({ id, cells }) => ({ id, cells })) },
    sync,
    canRunSync: roleAtLeast(role, "editor"),
    canConfigure: roleAtLeast(role, "creator"),
  };
});
