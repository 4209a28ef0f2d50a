// SQL for one page of records: live rows of one table, optional search across text fields, typed
// sort with the record's key as the unique tiebreaker, and a keyset condition after the cursor.
// Without a sort, records come in key order (the primary key's order: stable, and the order a
// person expects of SKUs, dates, zero-padded ids).
// Cells are read by the field's slot (lib/records/cells.ts); slots travel as parameters, never
// spliced into the text.
//
// Indexes: the default order uses the primary key records (table_id, key), so a key-ordered page
// is an index range scan at any depth (tombstones are filtered on the way; there are few). A
// sorted or searched page reads the table's live rows once and keeps the top N (no OFFSET, so a
// deep page costs the same as the first): about 35 ms for 10,000 rows here. Every read runs under a
// statement timeout and is cancelled when its client leaves (lib/records/bounded-read.ts). Per-field expression
// indexes would need one index per field slot; not worth it at the 10,000-row sync limit.
import { formulaToSql } from "../formula/sql";
import { slotKey } from "./cells";
import type { Cursor } from "./cursor";
import { isSearchable, sortKindOf } from "../fields/registry";
import type { ListQuery, SortSpec, TableField } from "./types";

export type SqlQuery = { text: string; values: unknown[] };

class Params {
  values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// The stored text a field's values are in: synced fields in `cells`, own fields in `own_cells`.
const cellsColumn = (field: TableField): string => (field.origin === "own" ? "r.own_cells" : "r.cells");

// The sort key of a field: numbers as numbers, ISO dates byte-wise (= chronologically), text
// case-insensitively, a ticked checkbox as 1. A value of the wrong JSON type sorts as empty
// instead of failing the cast.
function sortExpression(spec: SortSpec, params: Params): { expr: string; cast: string } {
  const key = params.add(slotKey(spec.field.slot));
  const cells = cellsColumn(spec.field);
  switch (sortKindOf(spec.field.type)) {
    case "numeric":
      return { expr: `(CASE WHEN json_typeof(${cells}::json -> ${key}::text) = 'number' THEN (${cells}::json ->> ${key}::text)::numeric END)`, cast: "numeric" };
    case "isoDate":
      return { expr: `((${cells}::json ->> ${key}::text) COLLATE "C")`, cast: "text" };
    case "text":
      return { expr: `lower(${cells}::json ->> ${key}::text)`, cast: "text" };
    case "checkbox":
      return { expr: `(CASE WHEN (${cells}::json ->> ${key}::text) = 'true' THEN 1::numeric END)`, cast: "numeric" };
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// The cells are JSON text: each `->>` parses a record's whole JSON again, so a search that asked
// once per text field cost fields × row size per row (54 s for 500 columns × 2,089 rows).
// `json_each_text` parses each record once. Before that, a plain ILIKE on the raw JSON text skips
// records that cannot match at all; it is only a pre-filter (a key or a non-text field may
// match), so it is applied only when the search has no character JSON would escape.
function searchCondition(search: string, fields: TableField[], params: Params): string | null {
  if (!search) return null;
  const searchable = fields.filter((f) => isSearchable(f.type));
  if (searchable.length === 0) return "false";
  const pattern = params.add(`%${escapeLike(search)}%`);
  const plain = JSON_PLAIN.test(search);
  const conditions = (["r.cells", "r.own_cells"] as const).flatMap((cells) => {
    const inColumn = searchable.filter((f) => cellsColumn(f) === cells);
    if (inColumn.length === 0) return [];
    const keys = params.add(inColumn.map((f) => slotKey(f.slot)));
    const exists = `EXISTS (SELECT 1 FROM json_each_text(${cells}::json) AS c WHERE c.key = ANY(${keys}::text[]) AND c.value ILIKE ${pattern} ESCAPE '\\')`;
    return [plain ? `${cells} ILIKE ${pattern} ESCAPE '\\' AND ${exists}` : exists];
  });
  return conditions.length === 1 ? conditions[0] : `((${conditions[0]}) OR (${conditions[1]}))`;
}

// Text that JSON.stringify writes unchanged (no quote, backslash, control or lone surrogate).
const JSON_PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

// Rows strictly after the cursor in (sort keys…, key) order, empty values last in both directions.
function afterCursor(keys: { expr: string; cast: string; direction: "asc" | "desc" }[], cursor: Cursor, params: Params): string {
  let condition = `r.key > ${params.add(cursor.key)}`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const { expr, cast, direction } = keys[i];
    const value = cursor.values[i];
    if (value === null) {
      condition = `(${expr} IS NULL AND ${condition})`;
      continue;
    }
    const v = `${params.add(value)}::${cast}`;
    const op = direction === "asc" ? ">" : "<";
    condition = `(${expr} ${op} ${v} OR ${expr} IS NULL OR (${expr} = ${v} AND ${condition}))`;
  }
  return condition;
}

export function buildListSql(input: { tableId: string; fields: TableField[]; query: ListQuery; cursor: Cursor | null; limit: number }): SqlQuery {
  const params = new Params();
  const where = [`r.table_id = ${params.add(input.tableId)}`, "r.deleted_at IS NULL"];
  const search = searchCondition(input.query.search, input.fields, params);
  if (search) where.push(search);
  const filter = input.query.filter;
  // The filter reads cells from a jsonb parsed once per row (`f`), not `r.cells::json` per
  // reference; with own fields, both stored objects merged (their slots never overlap).
  if (filter) where.push(formulaToSql(filter.expr, { param: (v) => params.add(v), cellKey: slotKey, cells: "f.cells", row: "r", now: filter.now }));
  const keys = input.query.sort.map((spec) => ({ ...sortExpression(spec, params), direction: spec.direction }));
  if (input.cursor) where.push(afterCursor(keys, input.cursor, params));
  const select = keys.map((k, i) => `${k.expr}::text AS s${i}`);
  const order = keys.map((k) => `${k.expr} ${k.direction.toUpperCase()} NULLS LAST`);
  const text = [
    `SELECT r.id, r.key, r.created_at, r.cells, r.own_cells${select.map((s) => `, ${s}`).join("")}`,
    filter ? `FROM records r CROSS JOIN LATERAL (SELECT ${filterCells(input.fields)} AS cells OFFSET 0) f` : "FROM records r",
    `WHERE ${where.join(" AND ")}`,
    `ORDER BY ${[...order, "r.key ASC"].join(", ")}`,
    `LIMIT ${params.add(input.limit)}`,
  ].join("\n");
  return { text, values: params.values };
}

const filterCells = (fields: TableField[]): string =>
  fields.some((f) => f.origin === "own") ? "(CASE WHEN r.own_cells IS NULL THEN r.cells::jsonb ELSE r.cells::jsonb || r.own_cells::jsonb END)" : "r.cells::jsonb";

export function buildCountSql(input: { tableId: string; fields: TableField[]; search: string }): SqlQuery {
  const params = new Params();
  const where = [`r.table_id = ${params.add(input.tableId)}`, "r.deleted_at IS NULL"];
  const search = searchCondition(input.search, input.fields, params);
  if (search) where.push(search);
  return { text: `SELECT count(*)::int AS n FROM records r WHERE ${where.join(" AND ")}`, values: params.values };
}
