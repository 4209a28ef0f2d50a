import "server-only";
import { authorizeBase, type BaseNeed, type Principal } from "../auth/permissions";
import { notFound } from "../errors";
import { safeDecode } from "../records/api-read";
import { loadTableFields } from "../records/fields";
import { findTable } from "../tables/resolve";

// Writing own-field values: Airtable's record-write scope, role editor or above.
export const RECORDS_WRITE: BaseNeed = { scopes: ["data.records:write"], minRole: "editor" };
// Adding, changing and deleting own fields: Airtable's schema-write scope, role creator or above.
export const SCHEMA_WRITE: BaseNeed = { scopes: ["schema.bases:write"], minRole: "creator" };

// May this principal do `need` in the base, and which table (by id or name) and its fields.
export async function openTableForWrite(principal: Principal, baseId: string, tableIdOrName: string, need: BaseNeed) {
  await authorizeBase(principal, baseId, need);
  const table = await findTable(baseId, safeDecode(tableIdOrName));
  if (!table) throw notFound(`Could not find table ${tableIdOrName.slice(0, 60)} in this base.`);
  const fields = await loadTableFields(table);
  return { table, fields };
}
