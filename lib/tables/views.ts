// Each table has one view, "Grid view" (all records, the table's field order), as Airtable's
// clients expect a view to exist. Its id is derived from the table id, so it is stable and needs
// no storage: `viw` + 14 base-62 characters of a hash.
import { createHash } from "node:crypto";

export const GRID_VIEW_NAME = "Grid view";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function gridViewId(tableId: string): string {
  const digest = createHash("sha256").update(`grid-view:${tableId}`).digest();
  let id = "viw";
  for (let i = 0; i < 14; i++) id += ALPHABET[digest[i] % 62];
  return id;
}

export function viewsOf(tableId: string) {
  return [{ id: gridViewId(tableId), name: GRID_VIEW_NAME, type: "grid" as const }];
}

// `view` in a list request: the view's id, or its name (case-insensitive, as table names).
export function isGridView(tableId: string, view: string): boolean {
  return view === gridViewId(tableId) || view.toLowerCase() === GRID_VIEW_NAME.toLowerCase();
}
