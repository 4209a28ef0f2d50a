// What a sync's status and runs may show to whom. Column names and counts are schema; the cells
// of a received CSV (the sample rows, the values quoted in run problems) are record data and need
// `data.records:read`. Once a sync is set up in "specific fields" mode, the columns it ignores
// are never shown with values again: whoever may configure the sync still sees their names (to
// pick them later), everyone else sees only the selected columns. Pure, no server imports.
import type { SyncConfig } from "../sync-shapes/config";
import type { RunChangesJson, SyncRunJson, SyncStatusJson } from "../sync-shapes/json";

export type SyncViewer = { readsRecords: boolean; configures: boolean };

export function redactRun(run: SyncRunJson, viewer: SyncViewer): SyncRunJson {
  if (viewer.readsRecords) return run;
  // The record's key is record data too.
  return { ...run, problems: run.problems.map((p) => ({ row: p.row, column: p.column, value: "", reason: p.reason })) };
}

function selectedColumns(config: SyncConfig | null): Set<string> | null {
  if (!config || config.fieldSelection !== "specific") return null;
  return new Set(config.fields.map((f) => f.column.toLowerCase()));
}

export function redactStatus(status: SyncStatusJson, viewer: SyncViewer): SyncStatusJson {
  const lastRun = status.lastRun && redactRun(status.lastRun, viewer);
  // The wizard's draft names every column, ignored ones too: only for whoever may configure.
  const draft = viewer.configures ? status.draft : null;
  const payload = status.latestPayload;
  if (!payload) return { ...status, lastRun, draft };
  const selected = selectedColumns(status.config);
  const shown = payload.header.map((column) => !selected || selected.has(column.toLowerCase()));
  // Configurers keep every column name (with empty values where ignored); others only the selected.
  const keep = payload.header.map((_, i) => shown[i] || viewer.configures);
  const header = payload.header.filter((_, i) => keep[i]);
  const sampleRows = viewer.readsRecords
    ? payload.sampleRows.map((row) => row.map((cell, i) => (shown[i] ? cell : "")).filter((_, i) => keep[i]))
    : [];
  const keptNames = new Set(header);
  const suggestedFields = status.suggestedFields?.filter((s) => keptNames.has(s.column)) ?? null;
  return { ...status, lastRun, draft, latestPayload: { ...payload, header, sampleRows }, suggestedFields };
}

// A run's change list: keys and cell values are record data; without `data.records:read` only the
// kinds and counts remain.
export function redactChanges(list: RunChangesJson, viewer: SyncViewer): RunChangesJson {
  if (viewer.readsRecords) return list;
  const changes = list.changes.map((c) => ({
    kind: c.kind,
    key: "",
    ...(c.fields ? { fields: c.fields.map((f) => ({ ...f, old: null, new: null })) } : {}),
  }));
  return { ...list, changes };
}
