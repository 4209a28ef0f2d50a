import "server-only";
import type { Principal } from "../auth/permissions";
import { ApiError, invalidRequest } from "../errors";
import { formatApiRecord, type ApiRecord } from "../records/api-format";
import { loadTableFields } from "../records/fields";
import { RECORDS_WRITE, openTableForWrite, readJsonObject } from "./access";
import { writeOwnCells, type RecordWrite } from "./write";

// Record writes through Airtable's API on a synced table. Its records come from its sync, so a
// create or a delete is refused with 403 INVALID_PERMISSIONS; an update (PATCH) or replace (PUT)
// of at most 10 records changes own fields only, and a body that names a synced field is refused
// whole with 422 INVALID_VALUE_FOR_COLUMN. Nothing changes on any refusal.
const MAX_BATCH = 10;

type WriteInput = { principal: Principal; baseId: string; tableIdOrName: string; recordId?: string; req: Request };

export async function refuseRecordCreate(input: WriteInput): Promise<never> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableIdOrName, RECORDS_WRITE);
  throw createRefused(table.name);
}

export async function refuseRecordDelete(input: WriteInput): Promise<never> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableIdOrName, RECORDS_WRITE);
  throw new ApiError("INVALID_PERMISSIONS", `You are not permitted to delete records in table "${table.name}": it is synced, its records come from its Sync API.`);
}

const createRefused = (tableName: string) =>
  new ApiError("INVALID_PERMISSIONS", `You are not permitted to create records in table "${tableName}": it is synced, its records come from its Sync API.`);

// PATCH (update) or PUT (replace: own fields not named are cleared), one record (`recordId`) or
// a batch of at most 10; answers the records after the write in Airtable's shape.
export async function updateRecords(input: WriteInput & { replace: boolean }): Promise<ApiRecord | { records: ApiRecord[] }> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableIdOrName, RECORDS_WRITE);
  const body = await readJsonObject(input.req);
  if (body.performUpsert !== undefined) throw createRefused(table.name);
  if (body.typecast !== undefined && typeof body.typecast !== "boolean") throw invalidRequest("typecast: must be true or false");
  const fields = await loadTableFields(table);
  const writes = input.recordId ? [{ recordId: input.recordId, fields: readFields(body.fields) }] : readBatch(body.records);
  const records = await writeOwnCells({ tableId: table.id, fields, writes, typecast: body.typecast === true, replace: input.replace });
  const shaped = records.map((r) => formatApiRecord(r, fields));
  return input.recordId ? shaped[0] : { records: shaped };
}

function readFields(fields: unknown): Record<string, unknown> {
  if (fields === undefined || fields === null || typeof fields !== "object" || Array.isArray(fields)) {
    throw invalidRequest("fields: send an object of field names (or ids) and values");
  }
  return fields as Record<string, unknown>;
}

function readBatch(records: unknown): RecordWrite[] {
  if (!Array.isArray(records) || records.length === 0) throw invalidRequest("records: send an array of {id, fields}");
  if (records.length > MAX_BATCH) throw invalidRequest(`records: at most ${MAX_BATCH} records per request`);
  return records.map((r: unknown) => {
    const record = r as { id?: unknown; fields?: unknown } | null;
    if (!record || typeof record !== "object" || typeof record.id !== "string") throw invalidRequest("records: each needs a string id and fields");
    return { recordId: record.id, fields: readFields(record.fields) };
  });
}
