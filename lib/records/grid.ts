// Shared by the table page (server) and the grid (browser). No server imports.
import type { CellValue } from "../fields/types";
import type { RunProgressJson, SyncRunJson } from "../sync-shapes/json";
import type { TableField } from "./types";

// Rows per request of the grid while scrolling. Keyset pages load in order, so when the user
// jumps far ahead (drags the scrollbar to the end) the grid asks for up to GRID_MAX_PAGE_SIZE
// rows at once: the last row of 10,000 is two requests away, not twenty.
export const GRID_PAGE_SIZE = 500;
// The page's server render carries only the first screenful (and a margin): a smaller HTML
// document paints sooner, and the next page loads in the background right after hydration.
export const GRID_FIRST_PAGE_SIZE = 100;
export const GRID_MAX_PAGE_SIZE = 5_000;

export function gridPageSize(loaded: number, wantedIndex: number): number {
  const missing = wantedIndex + 1 - loaded + GRID_PAGE_SIZE / 2;
  return Math.min(GRID_MAX_PAGE_SIZE, Math.max(GRID_PAGE_SIZE, Math.ceil(missing / GRID_PAGE_SIZE) * GRID_PAGE_SIZE));
}

export type GridRecord = { id: string; key: string; cells: Record<string, CellValue> };
export type GridPage = { records: GridRecord[]; offset?: string; total?: number };
export type GridField = TableField;

// What the table page's status bar needs, cheap enough to poll every few seconds: the sync's
// update method, its last run (counts and error, without the problem list) and the time of the
// last applied run. The full run history comes from the management API's …/runs.
export type RunSummary = Omit<SyncRunJson, "problems" | "rowsReceived" | "rowsIgnored">;

export type TableSyncSummary = {
  syncId: string;
  updateMethod: "auto" | "manual";
  lastRun: RunSummary | null;
  lastAppliedAt: string | null;
  progress: RunProgressJson | null; // a run in flight
};
