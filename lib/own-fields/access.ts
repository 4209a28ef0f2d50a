import "server-only";
import { authorizeBase, type BaseNeed, type Principal } from "../auth/permissions";
import { invalidRequest, notFound } from "../errors";
import { readJsonBody } from "../http/body";
import { safeDecode } from "../records/api-read";
import { findTable } from "../tables/resolve";

// Writing own-field values: Airtable's record-write scope, role editor or above.
export const RECORDS_WRITE: BaseNeed = { scopes: ["data.records:write"], minRole: "editor" };
// Adding, changing and deleting own fields: Airtable's schema-write scope, role creator or above.
export const SCHEMA_WRITE: BaseNeed = { scopes: ["schema.bases:write"], minRole: "creator" };

// May this principal do `need` in the base, and which table (by id or name). Field changes read
// the fields again under the table's lock; record writes load them with `loadTableFields`.
export async function openTableForWrite(principal: Principal, baseId: string, tableIdOrName: string, need: BaseNeed) {
  await authorizeBase(principal, baseId, need);
  const table = await findTable(baseId, safeDecode(tableIdOrName));
  if (!table) throw notFound(`Could not find table ${tableIdOrName.slice(0, 60)} in this base.`);
  return table;
}

// A write's JSON body, which must be an object.
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalidRequest("body: send a JSON object");
  return body as Record<string, unknown>;
}
