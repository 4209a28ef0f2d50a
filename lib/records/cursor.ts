// The opaque `offset` cursor: where the previous page stopped (its last row's sort values and key)
// plus the sort and search it was made for, so a cursor from another query is refused rather
// than silently skipping rows. Keyset pagination: no OFFSET n, stable while paging.
import { invalidRequest } from "../errors";
import { sortKindOf } from "../fields/registry";
import type { SortKind } from "../fields/types";
import type { ListQuery } from "./types";

// Sort kinds whose cursor values are cast to numeric in SQL (lib/records/sql.ts).
const NUMERIC_SORTS = new Set<SortKind>(["numeric", "checkbox"]);

const NUMERIC = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
// The server writes numeric cursor values from JSON numbers, so they are always finite doubles;
// anything bigger (`1e999999`) was forged and would overflow Postgres' numeric cast.
const isNumericText = (v: string) => NUMERIC.test(v) && Number.isFinite(Number(v));
// Postgres text cannot hold NUL.
const isText = (v: unknown): v is string => typeof v === "string" && !v.includes("\u0000");

// `key`: the record's primary-key text, unique in its table: the last sort key of every order.
// `count`: records answered before this page (for maxRecords).
export type Cursor = { values: (string | null)[]; key: string; count?: number };

type Encoded = { q: string; v: (string | null)[]; k: string; n?: number };
type Signed = Pick<ListQuery, "sort" | "search" | "filter">;

// The part of a query a cursor belongs to.
export function querySignature(query: Signed): string {
  const base = [query.sort.map((s) => [s.field.id, s.direction]), query.search];
  return JSON.stringify(query.filter ? [...base, query.filter.formula] : base);
}

export function encodeCursor(query: Signed, cursor: Cursor): string {
  const payload: Encoded = { q: querySignature(query), v: cursor.values, k: cursor.key, ...(cursor.count ? { n: cursor.count } : {}) };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

const invalidOffset = () => invalidRequest("offset: not a valid offset for this request; start again without offset");

export function decodeCursor(query: Signed, raw: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalidOffset();
  }
  const p = parsed as Partial<Encoded> | null;
  const valid =
    p !== null &&
    typeof p === "object" &&
    isText(p.k) &&
    (p.n === undefined || (Number.isSafeInteger(p.n) && p.n > 0)) &&
    p.q === querySignature(query) &&
    Array.isArray(p.v) &&
    p.v.length === query.sort.length &&
    p.v.every((v, i) => v === null || (isText(v) && (!NUMERIC_SORTS.has(sortKindOf(query.sort[i].field.type)) || isNumericText(v))));
  if (!valid) throw invalidOffset();
  return { values: p.v as (string | null)[], key: p.k as string, ...(p.n ? { count: p.n } : {}) };
}
