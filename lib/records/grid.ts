// Shared by the table page (server) and the grid (browser). No server imports.
import type { CellValue } from "../fields/types";
import type { TableField } from "./types";

// Rows per request of the grid: a 10,000-row table scrolls through in 20 requests.
export const GRID_PAGE_SIZE = 500;

export type GridRecord = { id: string; cells: Record<string, CellValue> };
export type GridPage = { records: GridRecord[]; offset?: string; total?: number };
export type GridField = TableField;

// What the table page's status bar needs, cheap enough to poll every few seconds: the sync's
// update method, its last run (counts and error, without the problem list) and the time of the
// last applied run. The full run history comes from the management API's …/runs.
export type RunSummary = {
  id: string;
  trigger: string;
  status: string; // received | running | applied | failed
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  problemCount: number;
  error: string | null;
};

export type TableSyncSummary = {
  syncId: string;
  updateMethod: "auto" | "manual";
  lastRun: RunSummary | null;
  lastAppliedAt: string | null;
};
