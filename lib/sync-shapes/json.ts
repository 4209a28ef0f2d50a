// The JSON shapes of the management API's sync status and runs: one definition for the server
// that writes them and the wizard and grid that read them. Types only, no server imports.
import type { FieldOptions, FieldType } from "../fields/types";
import type { SyncConfig } from "./config";

// `key`: the primary key of the record the problem belongs to, when the row had one.
export type SyncProblemJson = { row: number; column: string; value: string; reason: string; key?: string };

export type RunTrigger = "api" | "manual" | "setup" | "config";
export type RunStatus = "received" | "applied" | "failed";

export type RunCounts = {
  rowsReceived: number;
  rowsIgnored: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  problemCount: number;
};

export type SyncRunJson = RunCounts & {
  id: string;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
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

// A run in flight: rows coerced and handed to the database (or found unchanged) of the rows it
// applies; "writing" once all are, while its last statements run.
export type RunProgressJson = { runId: string; phase: "applying" | "writing"; rowsDone: number; rowsTotal: number; startedAt: string };

export type SyncStatusJson = {
  id: string;
  baseId: string;
  tableId: string;
  name: string;
  url: string;
  status: "waiting" | "received" | "active";
  config: SyncConfig | null;
  // The setup wizard's unsaved step and choices (lib/sync-wizard/draft.ts), or null.
  draft: unknown;
  latestPayload: SyncPayloadJson | null;
  suggestedFields: FieldSuggestionJson[] | null;
  lastRun: SyncRunJson | null;
  lastAppliedAt: string | null;
  progress: RunProgressJson | null;
};
