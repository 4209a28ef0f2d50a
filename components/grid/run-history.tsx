"use client";
import { Fragment, useEffect, useState } from "react";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import type { SyncProblemJson as Problem, SyncRunJson as Run } from "@/lib/sync-shapes/json";
import { RunChanges } from "./run-changes";

const TRIGGERS: Record<string, string> = { api: "API request", manual: "Sync now", setup: "Setup", config: "Configuration change", undo: "Undo" };

function formatDuration(ms: number | null): string {
  if (ms === null) return "";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// One row per run (newest first), from the management API; a run's problems expand beneath it
// so a user can see why a cell is empty, and an applied run's changes (with Undo for the run an
// undo would revert). Reloads when `version` changes (a run landed) or after an undo.
export function RunHistory({ baseId, syncId, version, onUndone }: { baseId: string; syncId: string; version: number; onUndone?: () => void }) {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [undoable, setUndoable] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [changesOf, setChangesOf] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    apiRequest<{ runs: Run[]; undoableRunId: string | null }>(`/v0/meta/bases/${baseId}/syncs/${syncId}/runs`)
      .then((body) => {
        if (cancelled) return;
        setRuns(body.runs);
        setUndoable(body.undoableRunId ?? null);
      })
      .catch((err) => {
        if (cancelled) return;
        setError(err instanceof ApiRequestError && err.status > 0 ? err.message : "The run history could not be loaded.");
      });
    return () => {
      cancelled = true;
    };
  }, [baseId, syncId, version, reloads]);

  const undone = () => {
    setChangesOf(null);
    setReloads((n) => n + 1);
    onUndone?.();
  };

  if (error) return <p className="p-4 text-sm text-red-700">{error}</p>;
  if (!runs) return <p className="p-4 text-sm text-gray-600">Loading runs…</p>;
  if (runs.length === 0) return <p className="p-4 text-sm text-gray-600">No runs yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Sync runs, newest first</caption>
      <thead className="bg-gray-50 text-xs text-gray-600">
        <tr>
          {["Time", "Trigger", "Status", "Duration", "Created", "Updated", "Deleted", "Unchanged", "Skipped", "Problems", "Changes"].map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <Fragment key={run.id}>
            <tr className="border-t border-gray-100 align-top">
              <td className="px-2 py-1.5 whitespace-nowrap">
                <time dateTime={run.startedAt} suppressHydrationWarning>
                  {new Date(run.startedAt).toLocaleString("en", { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </td>
              <td className="px-2 py-1.5">{TRIGGERS[run.trigger] ?? run.trigger}</td>
              <td className={`px-2 py-1.5 ${run.status === "failed" ? "text-red-700" : ""}`}>
                {run.status}
                {run.error ? `: ${run.error}` : ""}
              </td>
              <td className="px-2 py-1.5 tabular-nums">{formatDuration(run.durationMs)}</td>
              {[run.created, run.updated, run.deleted, run.unchanged, run.skipped].map((n, i) => (
                <td key={i} className="px-2 py-1.5 tabular-nums">
                  {n}
                </td>
              ))}
              <td className="px-2 py-1.5">
                {run.problemCount > 0 ? (
                  <button
                    type="button"
                    className="text-blue-700 underline"
                    aria-expanded={open === run.id}
                    onClick={() => setOpen(open === run.id ? null : run.id)}
                  >
                    {run.problemCount} problem{run.problemCount === 1 ? "" : "s"}
                  </button>
                ) : (
                  "0"
                )}
              </td>
              <td className="px-2 py-1.5">
                {run.status === "applied" && run.trigger !== "undo" && (
                  <button
                    type="button"
                    className="text-blue-700 underline"
                    aria-expanded={changesOf === run.id}
                    onClick={() => setChangesOf(changesOf === run.id ? null : run.id)}
                  >
                    {undoable === run.id ? "Changes / Undo" : "Changes"}
                  </button>
                )}
              </td>
            </tr>
            {open === run.id && (
              <tr>
                <td colSpan={11} className="bg-amber-50 px-4 py-2">
                  <ProblemList problems={run.problems} total={run.problemCount} />
                </td>
              </tr>
            )}
            {changesOf === run.id && (
              <tr>
                <td colSpan={11} className="bg-blue-50 px-4 py-2">
                  <RunChanges baseId={baseId} syncId={syncId} runId={run.id} undoable={undoable === run.id} onUndone={undone} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function ProblemList({ problems, total }: { problems: Problem[]; total: number }) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="pb-1 text-left text-gray-700">
        Cells left empty or rows skipped{total > problems.length ? ` (first ${problems.length} of ${total})` : ""}
      </caption>
      <thead>
        <tr>
          {["Row", "Column", "Value", "Why"].map((h) => (
            <th key={h} scope="col" className="px-2 py-1 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i} className="border-t border-amber-100">
            <td className="px-2 py-1 tabular-nums">{p.row}</td>
            <td className="px-2 py-1">{p.column}</td>
            <td className="max-w-xs truncate px-2 py-1 font-mono" title={p.value}>
              {p.value}
            </td>
            <td className="px-2 py-1">{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
