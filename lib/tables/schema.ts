import "server-only";
import { db } from "../db";
import { getFieldTypeModule } from "../fields/registry";
import type { FieldOptions, FieldType } from "../fields/types";
import { viewsOf } from "./views";

// GET /v0/meta/bases/{baseId}/tables in Airtable's shape: field types by their API names, with
// the options that apply to each type.
export type FieldSchema = { id: string; name: string; type: FieldType; options?: Record<string, unknown> };
export type TableSchema = { id: string; name: string; primaryFieldId: string | null; fields: FieldSchema[]; views: ReturnType<typeof viewsOf> };

const DATE_FORMATS = { us: "M/D/YYYY", european: "D/M/YYYY", iso: "YYYY-MM-DD" } as const;

export function fieldOptionsForApi(type: FieldType, stored: FieldOptions | null): Record<string, unknown> | undefined {
  const options: FieldOptions = { ...getFieldTypeModule(type).defaultOptions, ...(stored ?? {}) };
  switch (type) {
    case "number":
    case "percent":
      return { precision: options.precision ?? 0 };
    case "currency":
      return { precision: options.precision ?? 2, symbol: options.symbol ?? "$" };
    case "date": {
      const name = options.dateFormat ?? "us";
      return { dateFormat: { name, format: DATE_FORMATS[name] } };
    }
    case "duration":
      return { durationFormat: options.durationFormat ?? "h:mm" };
    default:
      return undefined;
  }
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
