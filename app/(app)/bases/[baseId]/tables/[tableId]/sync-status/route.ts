// GET /bases/{baseId}/tables/{tableId}/sync-status: the status bar's poll (last run, last applied).
import { apiRoute } from "@/lib/http/api";
import { openTableForRead } from "@/lib/records/read";
import { getTableSyncSummary } from "@/lib/records/sync-summary";

export const GET = apiRoute<{ baseId: string; tableId: string }>(async ({ params, principal }) => {
  const { table } = await openTableForRead(principal, params.baseId, params.tableId);
  return { sync: await getTableSyncSummary(table.id) };
});
