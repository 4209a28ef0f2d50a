import "server-only";
import { ApiError } from "../errors";
import { boundedRead } from "./bounded-read";
import { storedCellsByFieldId } from "./cells";
import { decodeCursor, encodeCursor } from "./cursor";
import { buildCountSql, buildListSql } from "./sql";
import type { ListQuery, RecordPage, RecordRow, TableField } from "./types";

type Row = { id: string; key: string; created_at: Date; cells: string; own_cells: string | null } & Record<`s${number}`, string | null>;

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
  const before = cursor?.count ?? 0;
  // maxRecords caps the whole listing: a page never goes past it, and the last one has no offset.
  const pageSize = query.maxRecords ? Math.max(0, Math.min(query.pageSize, query.maxRecords - before)) : query.pageSize;
  const sql = buildListSql({ tableId, fields, query, cursor, limit: pageSize + 1 });
  const [{ rows }, total] = await Promise.all([
    boundedRead<Row>(sql, input.signal).catch((err) => {
      throw query.filter ? formulaRuntimeError(err) : err;
    }),
    input.withTotal ? countRecords({ tableId, fields, search: query.search, signal: input.signal }) : Promise.resolve(undefined),
  ]);
  const page = rows.slice(0, pageSize);
  const records: RecordRow[] = page.map((row) => ({
    id: row.id,
    key: row.key,
    createdTime: row.created_at.toISOString(),
    cells: storedCellsByFieldId(row.cells, row.own_cells, fields),
  }));
  const last = page.at(-1);
  const capped = query.maxRecords ? before + page.length >= query.maxRecords : false;
  const offset =
    rows.length > pageSize && last && !capped
      ? encodeCursor(query, { key: last.key, values: query.sort.map((_, i) => last[`s${i}`] ?? null), count: query.maxRecords ? before + page.length : 0 })
      : undefined;
  return { records, ...(offset ? { offset } : {}), ...(total !== undefined ? { total } : {}) };
}

// Postgres refusing a value while running a filter (a number out of range, a date it cannot
// hold, a regular expression it cannot compile) is the formula's fault, not the server's.
const FORMULA_RUNTIME_CODES = new Set(["22003", "22008", "22007", "22P02", "2201B", "22012", "2201E", "54001"]);

function formulaRuntimeError(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== "string" || !FORMULA_RUNTIME_CODES.has(code)) return err;
  const reason = String((err as { message?: unknown }).message ?? "").slice(0, 200);
  return new ApiError("INVALID_FILTER_BY_FORMULA", `The formula for filtering records is invalid: it fails on a record (${reason})`);
}

export async function countRecords(input: { tableId: string; fields: TableField[]; search: string; signal?: AbortSignal }): Promise<number> {
  const sql = buildCountSql(input);
  const { rows } = await boundedRead<{ n: number }>(sql, input.signal);
  return rows[0]?.n ?? 0;
}
