import "server-only";
import { db } from "../db";

// `tableIdOrName` in a URL is the table id or its current name (case-insensitive, as Airtable).
export async function findTable(baseId: string, tableIdOrName: string) {
  const byId = await db.syncTable.findFirst({ where: { baseId, id: tableIdOrName } });
  if (byId) return byId;
  return db.syncTable.findFirst({ where: { baseId, name: { equals: tableIdOrName, mode: "insensitive" } } });
}
