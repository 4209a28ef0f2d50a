import "server-only";
import { authorizeBase, type BaseNeed, type Principal } from "../auth/permissions";
import { ApiError, invalidRequest, notFound, unknownField } from "../errors";
import { readJsonBody } from "../http/body";
import { findTable } from "../tables/resolve";
import { formatApiRecord, type ApiRecord } from "./api-format";
import { findRecord, safeDecode } from "./api-read";
import { loadTableFields } from "./fields";
import { findField } from "./query";

// Record writes through Airtable's API on a synced table: every field is synced, so a create or a
// delete is refused with 403 INVALID_PERMISSIONS and an update that names a field with 422
// INVALID_VALUE_FOR_COLUMN; nothing changes. An update that names no field changes nothing and
// answers the records as they are, as Airtable does.
const RECORDS_WRITE: BaseNeed = { scopes: ["data.records:write"], minRole: "editor" };
const MAX_BATCH = 10;

type WriteInput = { principal: Principal; baseId: string; tableIdOrName: string; recordId?: string; req: Request };

async function openTableForWrite(input: WriteInput) {
  await authorizeBase(input.principal, input.baseId, RECORDS_WRITE);
  const table = await findTable(input.baseId, safeDecode(input.tableIdOrName));
  if (!table) throw notFound(`Could not find table ${input.tableIdOrName} in this base.`);
  return table;
}

export async function refuseRecordCreate(input: WriteInput): Promise<never> {
  const table = await openTableForWrite(input);
  throw new ApiError("INVALID_PERMISSIONS", `You are not permitted to create records in table "${table.name}": it is synced, its records come from its Sync API.`);
}

export async function refuseRecordDelete(input: WriteInput): Promise<never> {
  const table = await openTableForWrite(input);
  throw new ApiError("INVALID_PERMISSIONS", `You are not permitted to delete records in table "${table.name}": it is synced, its records come from its Sync API.`);
}

// PATCH (update) or PUT (replace), one record (`recordId`) or a batch of at most 10.
export async function refuseRecordUpdate(input: WriteInput & { replace: boolean }): Promise<ApiRecord | { records: ApiRecord[] }> {
  const table = await openTableForWrite(input);
  const fields = await loadTableFields(table);
  const body = (await readJsonBody(input.req)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalidRequest("body: send a JSON object");
  if (body.performUpsert !== undefined) {
    throw new ApiError("INVALID_PERMISSIONS", `You are not permitted to create records in table "${table.name}": it is synced, its records come from its Sync API.`);
  }
  const updates = input.recordId ? [{ id: input.recordId, fields: body.fields }] : readBatch(body.records);
  for (const update of updates) {
    if (update.fields === undefined || update.fields === null || typeof update.fields !== "object" || Array.isArray(update.fields)) {
      throw invalidRequest("fields: send an object of field names (or ids) and values");
    }
    const named = Object.keys(update.fields as object);
    for (const name of named) if (!findField(fields, name)) throw unknownField(name);
    // A replace without a field would empty every field, all of them synced.
    const refused = named.length > 0 ? findField(fields, named[0]) : input.replace ? fields[0] : undefined;
    if (refused) throw new ApiError("INVALID_VALUE_FOR_COLUMN", `Field "${refused.name}" cannot accept a value because the field is synced`);
  }
  const records = [];
  for (const update of updates) {
    const record = await findRecord(table.id, String(update.id), fields);
    if (!record) throw notFound(`Could not find record ${String(update.id).slice(0, 40)}`);
    records.push(formatApiRecord(record, fields));
  }
  return input.recordId ? records[0] : { records };
}

function readBatch(records: unknown): { id: unknown; fields: unknown }[] {
  if (!Array.isArray(records) || records.length === 0) throw invalidRequest("records: send an array of {id, fields}");
  if (records.length > MAX_BATCH) throw invalidRequest(`records: at most ${MAX_BATCH} records per request`);
  return records.map((r: unknown) => {
    const record = r as { id?: unknown; fields?: unknown } | null;
    if (!record || typeof record !== "object" || typeof record.id !== "string") throw invalidRequest("records: each needs a string id and fields");
    return { id: record.id, fields: record.fields };
  });
}
