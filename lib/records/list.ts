import "server-only";
import type { CellValue } from "../fields/types";
import { boundedRead } from "./bounded-read";
import { cellsByFieldId } from "./cells";
import { decodeCursor, encodeCursor } from "./cursor";
import { buildCountSql, buildListSql } from "./sql";
import type { ListQuery, RecordPage, RecordRow, TableField } from "./types";

type Row = { id: string; key: string; created_at: Date; cells: string } & Record<`s${number}`, string | null>;

// One page of live records in the query's order. Fetches one row more than asked to know whether
// another page follows without a second query.
export async function listRecords(input: {
  tableId: string;
  fields: TableField[];
  query: ListQuery;
  withTotal?: boolean;
  signal?: AbortSignal;
}): Promise<RecordPage> {
  const { tableId, fields, query } = input;
  const cursor = query.offset ? decodeCursor(query, query.offset) : null;
  const sql = buildListSql({ tableId, fields, query, cursor, limit: query.pageSize + 1 });
  const [{ rows }, total] = await Promise.all([
    boundedRead<Row>(sql, input.signal),
    input.withTotal ? countRecords({ tableId, fields, search: query.search, signal: input.signal }) : Promise.resolve(undefined),
  ]);
  const page = rows.slice(0, query.pageSize);
  const records: RecordRow[] = page.map((row) => ({
    id: row.id,
    key: row.key,
    createdTime: row.created_at.toISOString(),
    cells: cellsByFieldId(JSON.parse(row.cells), fields),
  }));
  const last = page.at(-1);
  const offset =
    rows.length > query.pageSize && last
      ? encodeCursor(query, { key: last.key, values: query.sort.map((_, i) => last[`s${i}`] ?? null) })
      : undefined;
  return { records, ...(offset ? { offset } : {}), ...(total !== undefined ? { total } : {}) };
}

export async function countRecords(input: { tableId: string; fields: TableField[]; search: string; signal?: AbortSignal }): Promise<number> {
  const sql = buildCountSql(input);
  const { rows } = await boundedRead<{ n: number }>(sql, input.signal);
  return rows[0]?.n ?? 0;
}

// Airtable's record shape: values keyed by field name, limited to `only` when given, empty cells absent.
export function toApiRecord(record: RecordRow, fields: TableField[]) {
  const out: Record<string, CellValue> = {};
  for (const field of fields) {
    const value = record.cells[field.id];
    if (value !== undefined && value !== null && value !== "") out[field.name] = value;
  }
  return { id: record.id, createdTime: record.createdTime, fields: out };
}
