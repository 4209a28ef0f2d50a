// The JSON shapes of the management API's sync status and runs: one definition for the server
// that writes them and the wizard and grid that read them. Types only, no server imports.
import type { FieldOptions, FieldType } from "../fields/types";
import type { SyncConfig } from "./config";

// `key`: the primary key of the record the problem belongs to, when the row had one.
export type SyncProblemJson = { row: number; column: string; value: string; reason: string; key?: string };

export type RunTrigger = "api" | "manual" | "setup" | "config" | "undo";
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
  // the latest refused Sync API requests, newest first (at most 5)
  recentRefusals?: RefusalJson[];
};

// GET …/runs/{runId}/changes. A revived record (a tombstone whose key came back) is "created", with
// `revived` and its old values; `kept: false` when the run's change list is no longer kept.
export type RunChangeJson = {
  kind: "created" | "updated" | "deleted";
  key: string;
  recordId?: string;
  revived?: true;
  fields?: { fieldId: string | null; field: string; old: unknown; new: unknown }[];
};

export type RunChangesJson = { runId: string; kept: boolean; undoneBy: string | null; total: number; changes: RunChangeJson[]; offset?: string };

// A refused Sync API request, as the Set up step shows it.
export type RefusalJson = { at: string; status: number; type: string; message: string };
