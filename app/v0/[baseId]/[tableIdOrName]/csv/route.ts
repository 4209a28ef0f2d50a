// GET /v0/{baseId}/{tableIdOrName}/csv: download the table as CSV in the sync's input format.
import { apiRoute } from "@/lib/http/api";
import { methodNotAllowed } from "@/lib/http/methods";
import { streamTableCsv } from "@/lib/records/csv";
import { openTableForRead } from "@/lib/records/read";

export const GET = apiRoute<{ baseId: string; tableIdOrName: string }>(async ({ params, principal }) => {
  const { table, fields } = await openTableForRead(principal, params.baseId, params.tableIdOrName);
  const filename = `${table.name.replace(/[^\p{L}\p{N} ._-]+/gu, "_").trim() || table.id}.csv`;
  return new Response(await streamTableCsv(table, fields), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
