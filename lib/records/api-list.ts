import "server-only";
import type { Principal } from "../auth/permissions";
import { notFound } from "../errors";
import { formatApiRecord, type ApiRecord } from "./api-format";
import { parseApiListOptions, parseRecordFormat } from "./api-options";
import { findRecord, openTableForApiRead } from "./api-read";
import { listRecords } from "./list";

type ReadInput = { principal: Principal; baseId: string; tableIdOrName: string; params: URLSearchParams; signal?: AbortSignal };

// GET /v0/{baseId}/{table} and POST …/listRecords: one page in Airtable's shape.
export async function answerListRecords(input: ReadInput): Promise<{ records: ApiRecord[]; offset?: string }> {
  const { table, fields } = await openTableForApiRead(input.principal, input.baseId, input.tableIdOrName);
  const { query, format } = parseApiListOptions(input.params, { tableId: table.id, fields });
  const page = await listRecords({ tableId: table.id, fields, query, signal: input.signal });
  const shown = query.fields ?? fields;
  return { records: page.records.map((r) => formatApiRecord(r, shown, format)), ...(page.offset ? { offset: page.offset } : {}) };
}

// GET /v0/{baseId}/{table}/{recordId}: one record, the same shape and value formats.
export async function answerGetRecord(input: ReadInput & { recordId: string }): Promise<ApiRecord> {
  const { table, fields } = await openTableForApiRead(input.principal, input.baseId, input.tableIdOrName);
  const format = parseRecordFormat(input.params);
  const record = await findRecord(table.id, input.recordId, fields, input.signal);
  if (!record) throw notFound(`Could not find record ${input.recordId.slice(0, 40)}`);
  return formatApiRecord(record, fields, format);
}
