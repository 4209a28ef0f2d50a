// A record in Airtable's JSON: values keyed by field name (or id with returnFieldsByFieldId),
// typed values, or with cellFormat=string the text each type shows (its options applied:
// "$1,234.50", "45%", "1:30", "11/28/2026"); empty cells absent; commentCount when asked (always 0:
// Tablesync has no comments). No server imports.
import { formatCell } from "../fields/registry";
import type { CellValue } from "../fields/types";
import type { RecordFormat } from "./api-options";
import type { RecordRow, TableField } from "./types";

export type ApiRecord = { id: string; createdTime: string; fields: Record<string, CellValue>; commentCount?: number };

export const JSON_FORMAT: RecordFormat = { cellFormat: "json", timeZone: null, userLocale: null, byFieldId: false, commentCount: false };

export function formatApiRecord(record: RecordRow, fields: TableField[], format: RecordFormat = JSON_FORMAT): ApiRecord {
  const out: Record<string, CellValue> = {};
  for (const field of fields) {
    const value = record.cells[field.id];
    if (value === undefined || value === null || value === "") continue;
    out[format.byFieldId ? field.id : field.name] = format.cellFormat === "string" ? formatCell(field.type, field.options, value) : value;
  }
  return { id: record.id, createdTime: record.createdTime, fields: out, ...(format.commentCount ? { commentCount: 0 } : {}) };
}
