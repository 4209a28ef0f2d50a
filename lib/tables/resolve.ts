import "server-only";
import { db } from "../db";
import { invalidRequest } from "../errors";

// `tableIdOrName` in a URL is the table id or its current name (case-insensitive, as Airtable).
// Postgres text cannot hold NUL, so such a name would fail in the database rather than not match.
export async function findTable(baseId: string, tableIdOrName: string) {
  if (tableIdOrName.includes("\u0000")) throw invalidRequest("tableIdOrName: must not contain a NUL character");
  const byId = await db.syncTable.findFirst({ where: { baseId, id: tableIdOrName } });
  if (byId) return byId;
  return db.syncTable.findFirst({ where: { baseId, name: { equals: tableIdOrName, mode: "insensitive" } } });
}
