// Query string of GET /v0/{baseId}/{table} → ListQuery, with Airtable's parameter names:
// pageSize, offset, sort[0][field], sort[0][direction], fields[], search. No server imports.
import { invalidRequest, unknownField } from "../errors";
import type { ListQuery, SortDirection, SortSpec, TableField } from "./types";

export const MAX_PAGE_SIZE = 100;
const MAX_SORTS = 10;
const MAX_SEARCH_LENGTH = 500;
const SORT_KEY = /^sort\[(\d+)\]\[(field|direction)\]$/;
const FIELDS_KEY = /^fields\[\d*\]$/;

// Airtable accepts a field by name or by id; names match exactly first, then case-insensitively.
export function findField(fields: TableField[], nameOrId: string): TableField | undefined {
  return (
    fields.find((f) => f.id === nameOrId || f.name === nameOrId) ??
    fields.find((f) => f.name.toLowerCase() === nameOrId.toLowerCase())
  );
}

function parsePageSize(raw: string | null, max: number): number {
  if (raw === null) return max;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > max) {
    throw invalidRequest(`pageSize: must be a whole number from 1 to ${max}, got "${raw.slice(0, 40)}"`);
  }
  return Number(raw);
}

function parseSort(params: URLSearchParams, fields: TableField[]): SortSpec[] {
  const entries = new Map<number, { field?: string; direction?: string }>();
  for (const [key, value] of params) {
    const m = SORT_KEY.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    const entry = entries.get(index) ?? {};
    entry[m[2] as "field" | "direction"] = value;
    entries.set(index, entry);
  }
  if (entries.size > MAX_SORTS) throw invalidRequest(`sort: at most ${MAX_SORTS} sort fields`);
  return [...entries.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, entry]) => {
      if (!entry.field) throw invalidRequest(`sort[${index}][field]: missing`);
      const field = findField(fields, entry.field);
      if (!field) throw unknownField(entry.field);
      const direction = (entry.direction ?? "asc").toLowerCase();
      if (direction !== "asc" && direction !== "desc") {
        throw invalidRequest(`sort[${index}][direction]: must be "asc" or "desc"`);
      }
      return { field, direction: direction as SortDirection };
    });
}

function parseFields(params: URLSearchParams, fields: TableField[]): TableField[] | null {
  const names = [...params].filter(([key]) => FIELDS_KEY.test(key)).map(([, value]) => value);
  if (names.length === 0) return null;
  return names.map((name) => {
    const field = findField(fields, name);
    if (!field) throw unknownField(name);
    return field;
  });
}

export function parseListQuery(
  params: URLSearchParams,
  fields: TableField[],
  options: { maxPageSize?: number } = {},
): ListQuery {
  const search = (params.get("search") ?? "").trim();
  if (search.length > MAX_SEARCH_LENGTH) throw invalidRequest(`search: at most ${MAX_SEARCH_LENGTH} characters`);
  if (search.includes("\u0000")) throw invalidRequest("search: must not contain a NUL character");
  return {
    pageSize: parsePageSize(params.get("pageSize"), options.maxPageSize ?? MAX_PAGE_SIZE),
    sort: parseSort(params, fields),
    search,
    fields: parseFields(params, fields),
    offset: params.get("offset") || null,
  };
}
