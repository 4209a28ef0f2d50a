// Shapes shared by the read API, the grid and the CSV download. No server imports.
import type { CellValue, FieldOptions, FieldType } from "../fields/types";
import type { Expr } from "../formula/types";

// `column` is the CSV header column a synced field is fed from (the download writes it back), null
// for an own field; `slot` the key of its values in the stored cells (lib/records/cells.ts):
// `records.cells` for a synced field, `records.own_cells` for an own one. `origin`: "sync" (locked,
// written by its sync) or "own" (added by a user, edited by hand or the write API).
export type TableField = {
  id: string;
  name: string;
  column: string | null;
  type: FieldType;
  options: FieldOptions;
  slot: number;
  origin: "sync" | "own";
};

export type SortDirection = "asc" | "desc";
export type SortSpec = { field: TableField; direction: SortDirection };

export type ListQuery = {
  pageSize: number;
  sort: SortSpec[];
  search: string; // "" = no filter
  fields: TableField[] | null; // null = every field
  offset: string | null; // opaque cursor from the previous page
  filter?: RecordFilter | null; // filterByFormula, checked (lib/formula)
  maxRecords?: number | null; // at most this many records over all pages
};

// `now`: the moment NOW() and TODAY() mean for this request.
export type RecordFilter = { formula: string; expr: Expr; now: number };

// `key`: the primary-key text as the sync matched it.
export type RecordRow = { id: string; key: string; createdTime: string; cells: Record<string, CellValue> };

export type RecordPage = { records: RecordRow[]; offset?: string; total?: number };
