"use client";
import { Fragment, useEffect, useState } from "react";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import type { SyncRunJson as Run } from "@/lib/sync-shapes/json";
import { countOf, formatCount, formatMs } from "@/lib/text";
import { ProblemList, type ShowInGrid } from "./problem-list";
import { RelativeTime } from "./relative-time";
import { RunChanges } from "./run-changes";
import { RunChart } from "./run-chart";

const TRIGGERS: Record<string, string> = { api: "API request", manual: "Sync now", setup: "Setup", config: "Configuration change", undo: "Undo" };
const CHART_RUNS = 500;


// Applied with problems is amber, not success green.
export function runOutcome(run: Pick<Run, "status" | "problemCount">): { label: string; chip: string } {
  if (run.status === "failed") return { label: "Failed", chip: "bg-red-100 text-red-800" };
  if (run.status === "received") return { label: "Received", chip: "bg-blue-100 text-blue-800" };
  if (run.problemCount > 0) return { label: "Applied with problems", chip: "bg-amber-100 text-amber-900" };
  return { label: "Applied", chip: "bg-green-100 text-green-800" };
}

// The chart of the last 500 runs, then one row per run (newest 50, with their problems, which
// expand beneath a run, and an applied run's changes, with Undo for the run an undo would revert).
// Reloads when `version` changes (a run landed) or after an undo; `openRunId` opens a run's
// problems (the status bar's "… problems").
type Props = { baseId: string; syncId: string; version: number; openRunId?: string | null; onShowInGrid: ShowInGrid; onUndone?: () => void };

export function RunHistory(props: Props) {
  const { baseId, syncId, version, openRunId = null, onShowInGrid, onUndone } = props;
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [undoable, setUndoable] = useState<string | null>(null);
  const [changesOf, setChangesOf] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [chartRuns, setChartRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(openRunId);
  const [asked, setAsked] = useState(openRunId);
  if (openRunId !== asked) {
    setAsked(openRunId);
    setOpen(openRunId);
  }

  useEffect(() => {
    let cancelled = false;
    const path = `/v0/meta/bases/${baseId}/syncs/${syncId}/runs`;
    Promise.all([
      apiRequest<{ runs: Run[]; undoableRunId: string | null }>(path),
      apiRequest<{ runs: Run[] }>(`${path}?limit=${CHART_RUNS}&problems=none`),
    ])
      .then(([list, chart]) => {
        if (cancelled) return;
        setRuns(list.runs);
        setUndoable(list.undoableRunId ?? null);
        setChartRuns(chart.runs);
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
  if (!runs || !chartRuns) return <p className="p-4 text-sm text-gray-600">Loading runs…</p>;
  if (runs.length === 0) return <p className="p-4 text-sm text-gray-600">No runs yet.</p>;
  return (
    <>
      <RunChart runs={chartRuns} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sync runs, newest first</caption>
          <thead className="bg-gray-50 text-xs text-gray-600">
            <tr>
              {["When", "Trigger", "Status", "Duration", "Created", "Updated", "Deleted", "Unchanged", "Skipped", "Problems", "Changes"].map((h) => (
                <th key={h} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const outcome = runOutcome(run);
              return (
                <Fragment key={run.id}>
                  <tr className="border-t border-gray-100 align-top" data-run-status={run.status}>
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      <RelativeTime iso={run.startedAt} />
                    </td>
                    <td className="px-2 py-1.5 whitespace-nowrap">{TRIGGERS[run.trigger] ?? run.trigger}</td>
                    <td className="px-2 py-1.5">
                      <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${outcome.chip}`}>{outcome.label}</span>
                      {run.error && <span className="ml-2 text-red-700">{run.error}</span>}
                    </td>
                    <td className="px-2 py-1.5 tabular-nums whitespace-nowrap">{run.durationMs === null ? "" : formatMs(run.durationMs)}</td>
                    {[run.created, run.updated, run.deleted, run.unchanged, run.skipped].map((n, i) => (
                      <td key={i} className="px-2 py-1.5 tabular-nums">
                        {formatCount(n)}
                      </td>
                    ))}
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      {run.problemCount > 0 ? (
                        <button
                          type="button"
                          className="text-amber-800 underline"
                          aria-expanded={open === run.id}
                          onClick={() => setOpen(open === run.id ? null : run.id)}
                        >
                          {countOf(run.problemCount, "problem")}
                        </button>
                      ) : (
                        "0"
                      )}
                    </td>
                    <td className="px-2 py-1.5 whitespace-nowrap">
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
                        <ProblemList problems={run.problems} total={run.problemCount} onShowInGrid={onShowInGrid} />
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
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
