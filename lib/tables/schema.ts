import "server-only";
import { db } from "../db";
import { getFieldTypeModule } from "../fields/registry";
import type { FieldOptions, FieldType } from "../fields/types";
import { viewsOf } from "./views";

// GET /v0/meta/bases/{baseId}/tables in Airtable's shape: field types by their API names, with
// the options that apply to each type.
export type FieldSchema = { id: string; name: string; type: FieldType; options?: Record<string, unknown> };
export type TableSchema = { id: string; name: string; primaryFieldId: string | null; fields: FieldSchema[]; views: ReturnType<typeof viewsOf> };

// Each type says which options it shows (FieldTypeModule.apiOptions), from the stored options
// merged over its defaults.
export function fieldOptionsForApi(type: FieldType, stored: FieldOptions | null): Record<string, unknown> | undefined {
  const typeModule = getFieldTypeModule(type);
  return typeModule.apiOptions({ ...typeModule.defaultOptions, ...(stored ?? {}) });
}

export async function listTableSchemas(baseId: string): Promise<{ tables: TableSchema[] }> {
  const tables = await db.syncTable.findMany({
    where: { baseId },
    orderBy: { createdAt: "asc" },
    include: { fields: { orderBy: { position: "asc" } } },
  });
  return {
    tables: tables.map((t) => ({
      id: t.id,
      name: t.name,
      primaryFieldId: t.primaryFieldId,
      fields: t.fields.map((f) => {
        const options = fieldOptionsForApi(f.type as FieldType, f.options as FieldOptions | null);
        return { id: f.id, name: f.name, type: f.type as FieldType, ...(options ? { options } : {}) };
      }),
      views: viewsOf(t.id),
    })),
  };
}
