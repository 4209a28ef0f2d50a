import "server-only";
import type { Principal } from "../auth/permissions";
import { invalidRequest } from "../errors";
import type { GridRecord } from "../records/grid";
import type { TableField } from "../records/types";
import { fieldOptionsForApi, type FieldSchema } from "../tables/schema";
import { loadTableFields } from "../records/fields";
import { RECORDS_WRITE, SCHEMA_WRITE, openTableForWrite, readJsonObject } from "./access";
import { createOwnField, deleteOwnField, updateOwnField } from "./fields";
import { writeOwnCells } from "./write";

// What the routes of own fields do after authentication: the grid's session routes answer
// TableField and GridRecord shapes; the fields API (/v0/meta/…/fields) Airtable's field shape.
type Target = { principal: Principal; baseId: string; tableId: string; req: Request };

// PATCH …/records/{recordId} from the grid: {"fields": {"<fieldId>": value | null}}.
export async function writeRecordCells(input: Target & { recordId: string }): Promise<GridRecord> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, RECORDS_WRITE);
  const body = await readJsonObject(input.req);
  const fields = await loadTableFields(table);
  if (!body.fields || typeof body.fields !== "object" || Array.isArray(body.fields)) throw invalidRequest("fields: send an object of field ids and values");
  const [record] = await writeOwnCells({
    tableId: table.id,
    fields,
    writes: [{ recordId: input.recordId, fields: body.fields as Record<string, unknown> }],
    typecast: body.typecast === true,
  });
  return { id: record.id, key: record.key, cells: record.cells };
}

export async function addField(input: Target): Promise<TableField> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, SCHEMA_WRITE);
  return createOwnField(table, await readJsonObject(input.req));
}

export async function changeField(input: Target & { fieldId: string }): Promise<TableField> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, SCHEMA_WRITE);
  return updateOwnField(table, input.fieldId, await readJsonObject(input.req));
}

export async function removeField(input: Omit<Target, "req"> & { fieldId: string }): Promise<{ id: string; deleted: true }> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, SCHEMA_WRITE);
  return deleteOwnField(table, input.fieldId);
}

// A field in the table schema's shape (GET /v0/meta/bases/{baseId}/tables).
export function fieldSchemaOf(field: TableField): FieldSchema {
  const options = fieldOptionsForApi(field.type, field.options);
  return { id: field.id, name: field.name, type: field.type, ...(options ? { options } : {}) };
}

// The fields API: Airtable's create-field body {"name", "type", "options"?, "description"?} and
// update body {"name"?, "options"?}; a description is accepted and not kept (Tablesync has none).
export async function addFieldApi(input: Target): Promise<FieldSchema> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, SCHEMA_WRITE);
  const body = await readJsonObject(input.req);
  return fieldSchemaOf(await createOwnField(table, { name: body.name, type: body.type, options: body.options }));
}

export async function changeFieldApi(input: Target & { fieldId: string }): Promise<FieldSchema> {
  const table = await openTableForWrite(input.principal, input.baseId, input.tableId, SCHEMA_WRITE);
  const body = await readJsonObject(input.req);
  return fieldSchemaOf(await updateOwnField(table, input.fieldId, { name: body.name, type: body.type, options: body.options, position: body.position }));
}
