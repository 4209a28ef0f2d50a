import "server-only";
import Papa from "papaparse";
import { sameColumn } from "../csv/header";
import { findSyncOfTable } from "../data/sync-endpoints";
import { cellToCsv, coerceCell } from "../fields/registry";
import type { CellValue } from "../fields/types";
import { guardCsvCell, guardCsvText, isTextType } from "./csv-guard";
import { listRecords } from "./list";
import type { ListQuery, RecordRow, TableField } from "./types";

const BATCH = 2_000;
const UNPARSE = { newline: "\r\n", escapeFormulae: false, quotes: false } as const;

// The field whose column is the sync's primary key: from the sync configuration, else the
// table's primary field.
async function keyField(table: { id: string; primaryFieldId: string | null }, fields: TableField[]) {
  const sync = await findSyncOfTable(table.id);
  const column = (sync?.config as { primaryKey?: string } | null)?.primaryKey;
  return (column !== undefined && fields.find((f) => f.column !== null && sameColumn(f.column, column))) || fields.find((f) => f.id === table.primaryFieldId);
}

// The key column is written from the record's key exactly as the sync stored it (a number-typed
// key like `007` stays `007`). It is guarded as text unless it reads as its field's type.
function keyText(field: TableField, key: string): string {
  const asText = isTextType(field.type) || !coerceCell(field.type, field.options, key).ok;
  return asText ? guardCsvText(key) : guardCsvCell(field.type, key);
}

function cellText(field: TableField, value: CellValue | undefined): string {
  if (value === undefined || value === null || value === "") return "";
  return guardCsvCell(field.type, cellToCsv(field.type, field.options, value));
}

// The table as CSV in the sync's own input format (header = the CSV columns, values written by
// cellToCsv), streamed in batches. Posting it back to the same sync changes nothing. Own fields
// are columns too, under their names (a sync in "all" mode would take them in as "<Name> (synced)").
export async function streamTableCsv(table: { id: string; primaryFieldId: string | null }, fields: TableField[]) {
  const key = await keyField(table, fields);
  const toRow = (record: RecordRow) =>
    fields.map((f) => (f.id === key?.id ? keyText(f, record.key) : cellText(f, record.cells[f.id])));

  const encoder = new TextEncoder();
  let offset: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const header = fields.map((f) => guardCsvText(f.column ?? f.name));
        controller.enqueue(encoder.encode(Papa.unparse([header], UNPARSE)));
      }
      const query: ListQuery = { pageSize: BATCH, sort: [], search: "", fields: null, offset };
      const page = await listRecords({ tableId: table.id, fields, query });
      if (page.records.length > 0) controller.enqueue(encoder.encode(`\r\n${Papa.unparse(page.records.map(toRow), UNPARSE)}`));
      if (!page.offset) {
        controller.enqueue(encoder.encode("\r\n"));
        controller.close();
        return;
      }
      offset = page.offset;
    },
  });
}
