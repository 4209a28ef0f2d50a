// The JSON the wizard reads from GET /v0/meta/bases/{baseId}/syncs/{syncId} (SHAPES.md). Types
// only, no server imports: the browser polls this shape.
import type { FieldOptions, FieldType } from "../fields/types";
import type { SyncConfig } from "./config";

export type SyncProblemJson = { row: number; column: string; value: string; reason: string };

export type SyncRunJson = {
  id: string;
  trigger: "api" | "manual" | "setup" | "config";
  status: "received" | "applied" | "failed";
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  rowsReceived: number;
  rowsIgnored: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  problemCount: number;
  problems: SyncProblemJson[];
  error: string | null;
};

export type SyncPayloadJson = {
  id: string;
  receivedAt: string;
  header: string[];
  rowCount: number;
  sampleRows: string[][];
};

export type FieldSuggestionJson = { column: string; type: FieldType; options?: FieldOptions };

export type SyncStatusJson = {
  id: string;
  baseId: string;
  tableId: string;
  name: string;
  url: string;
  status: "waiting" | "received" | "active";
  config: SyncConfig | null;
  latestPayload: SyncPayloadJson | null;
  suggestedFields: FieldSuggestionJson[] | null;
  lastRun: SyncRunJson | null;
  lastAppliedAt: string | null;
};
