// The options of Airtable's list-records call, from a query string (GET) or a JSON body (POST
// …/listRecords), checked against the table: pageSize, offset, maxRecords, fields[], sort,
// filterByFormula, view, cellFormat (+ timeZone, userLocale), returnFieldsByFieldId,
// recordMetadata[], and Tablesync's `search`. Errors carry Airtable's types. No server imports.
import { ApiError, invalidRequest } from "../errors";
import { compileFilter, FormulaError } from "../formula";
import { isGridView } from "../tables/views";
import { parseListQuery } from "./query";
import type { ListQuery, TableField } from "./types";

export type RecordFormat = {
  cellFormat: "json" | "string";
  timeZone: string | null;
  userLocale: string | null;
  byFieldId: boolean;
  commentCount: boolean;
};

export type ApiListOptions = { query: ListQuery; format: RecordFormat };

const BODY_KEYS = new Set(["pageSize", "offset", "maxRecords", "fields", "sort", "filterByFormula", "view", "cellFormat", "timeZone", "userLocale", "returnFieldsByFieldId", "recordMetadata", "search", "method"]);

// A POST body in the shape Airtable's clients send, as the query string a GET would carry.
// Query-string parameters (the npm client sends timeZone and userLocale there) fill the gaps.
export function listBodyToParams(body: unknown, query: URLSearchParams): URLSearchParams {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalidRequest("The request body must be a JSON object");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (!BODY_KEYS.has(key)) throw invalidRequest(`Unknown parameter "${key.slice(0, 60)}"`);
    if (value === undefined || value === null || key === "method") continue;
    if (key === "fields" || key === "recordMetadata") {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw invalidRequest(`${key}: must be an array of strings`);
      for (const v of value) params.append(`${key}[]`, v);
    } else if (key === "sort") {
      if (!Array.isArray(value)) throw invalidRequest("sort: must be an array of {field, direction}");
      value.forEach((s: unknown, i) => {
        const spec = s as { field?: unknown; direction?: unknown } | null;
        if (!spec || typeof spec !== "object" || typeof spec.field !== "string") throw invalidRequest(`sort[${i}]: must be {field, direction}`);
        params.append(`sort[${i}][field]`, spec.field);
        if (spec.direction !== undefined) params.append(`sort[${i}][direction]`, String(spec.direction));
      });
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      params.append(key, String(value));
    } else {
      throw invalidRequest(`${key}: must be a string, number or boolean`);
    }
  }
  for (const key of ["timeZone", "userLocale"]) {
    const fromQuery = query.get(key);
    if (fromQuery !== null && !params.has(key)) params.append(key, fromQuery);
  }
  return params;
}

export function parseApiListOptions(params: URLSearchParams, input: { tableId: string; fields: TableField[]; now?: number }): ApiListOptions {
  const { fields } = input;
  const query = parseListQuery(params, fields);
  const view = params.get("view");
  if (view !== null && view !== "" && !isGridView(input.tableId, view)) {
    throw new ApiError("VIEW_NAME_NOT_FOUND", `Could not find view "${view.slice(0, 255)}" in this table`);
  }
  const formula = params.get("filterByFormula");
  if (formula !== null && formula.trim() !== "") {
    try {
      query.filter = { formula, expr: compileFilter(formula, fields), now: input.now ?? Date.now() };
    } catch (err) {
      if (err instanceof FormulaError) throw new ApiError("INVALID_FILTER_BY_FORMULA", `The formula for filtering records is invalid: ${err.message}`);
      throw err;
    }
  }
  const maxRecords = params.get("maxRecords");
  if (maxRecords !== null) {
    if (!/^\d{1,9}$/.test(maxRecords.trim()) || Number(maxRecords) < 1) {
      throw invalidRequest(`maxRecords: must be a whole number of at least 1, got "${maxRecords.slice(0, 40)}"`);
    }
    query.maxRecords = Number(maxRecords);
  }
  return { query, format: parseRecordFormat(params) };
}

// cellFormat, timeZone, userLocale, returnFieldsByFieldId, recordMetadata[]: also what a single
// record's GET takes.
export function parseRecordFormat(params: URLSearchParams): RecordFormat {
  const cellFormat = params.get("cellFormat") ?? "json";
  if (cellFormat !== "json" && cellFormat !== "string") throw invalidRequest(`cellFormat: must be "json" or "string", got "${cellFormat.slice(0, 40)}"`);
  const timeZone = params.get("timeZone");
  const userLocale = params.get("userLocale");
  if (cellFormat === "string" && (!timeZone || !userLocale)) {
    throw invalidRequest('cellFormat "string" needs both timeZone (e.g. "America/New_York") and userLocale (e.g. "en-us")');
  }
  if (timeZone !== null && !isTimeZone(timeZone)) throw invalidRequest(`timeZone: unknown time zone "${timeZone.slice(0, 60)}"`);
  if (userLocale !== null && !isLocale(userLocale)) throw invalidRequest(`userLocale: unknown locale "${userLocale.slice(0, 60)}"`);
  const metadata = [...params].filter(([key]) => /^recordMetadata\[\d*\]$/.test(key)).map(([, value]) => value);
  const unknown = metadata.find((m) => m !== "commentCount");
  if (unknown !== undefined) throw invalidRequest(`recordMetadata: only "commentCount" is supported, got "${unknown.slice(0, 40)}"`);
  return { cellFormat, timeZone, userLocale, byFieldId: parseBoolean(params.get("returnFieldsByFieldId")), commentCount: metadata.length > 0 };
}

function parseBoolean(raw: string | null): boolean {
  if (raw === null || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw invalidRequest(`returnFieldsByFieldId: must be true or false, got "${raw.slice(0, 40)}"`);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}
