import "server-only";
import { RECORDS_READ, authorizeBase, type Principal } from "../auth/permissions";
import { notFound } from "../errors";
import { findTable } from "../tables/resolve";
import { loadTableFields } from "./fields";

// The common start of every read: may this principal read the base, and which table is meant.
// An unknown table in a base the principal can read is a 404; a base it cannot read is a 403.
export async function openTableForRead(principal: Principal, baseId: string, tableIdOrName: string) {
  await authorizeBase(principal, baseId, RECORDS_READ);
  const table = await findTable(baseId, safeDecode(tableIdOrName));
  if (!table) throw notFound(`Could not find table ${tableIdOrName} in this base.`);
  const fields = await loadTableFields(table);
  return { table, fields };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
