"use client";
import { useEffect, useState } from "react";
import type { RunSummary, TableSyncSummary } from "@/lib/records/grid";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import { RunProgressBar } from "../ui/run-progress";
import { countOf, formatCount } from "@/lib/text";
import { RelativeTime } from "./relative-time";

type Props = {
  summary: TableSyncSummary | null;
  baseId: string;
  canRun: boolean;
  // Reloads the summary: after Sync now, and twice a second while it runs (its progress).
  onRan: () => void;
  onShowProblems: (runId: string) => void;
};

const FOLLOW_MS = 500;

function RunState({ run, manual, onShowProblems }: { run: RunSummary | null; manual: boolean; onShowProblems: (runId: string) => void }) {
  if (!run) return <span className="text-gray-600">No run yet</span>;
  if (run.status === "failed") {
    return (
      <span className="text-red-700">
        Last run failed{run.error ? `: ${run.error}` : ""}
      </span>
    );
  }
  if (run.status === "received") {
    return (
      <span className="text-amber-700">
        CSV received <RelativeTime iso={run.startedAt} />
        {manual ? ", waiting for Sync now" : ", not applied yet"}
      </span>
    );
  }
  // Applied with problems is amber, not success green; the count opens the problems.
  const counts = `Last run applied: ${formatCount(run.created)} created, ${formatCount(run.updated)} updated, ${formatCount(run.deleted)} deleted`;
  if (run.problemCount > 0) {
    return (
      <span className="text-amber-800" data-outcome="problems">
        <span aria-hidden>⚠ </span>
        {counts},{" "}
        <button type="button" className="font-medium underline" onClick={() => onShowProblems(run.id)}>
          {countOf(run.problemCount, "problem")}
        </button>
      </span>
    );
  }
  return (
    <span className="text-green-800" data-outcome="applied">
      <span aria-hidden>✓ </span>
      {counts}
    </span>
  );
}

// Source, last successful sync, the last run's outcome, and Sync now for manual syncs.
export function SyncStatusBar({ summary, baseId, canRun, onRan, onShowProblems }: Props) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const manual = summary?.updateMethod === "manual";
  const progress = summary?.progress ?? null;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(onRan, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [running, onRan]);

  async function syncNow() {
    if (!summary) return;
    setRunning(true);
    setError(null);
    try {
      await apiRequest(`/v0/meta/bases/${baseId}/syncs/${summary.syncId}/run`, { method: "POST" });
    } catch (err) {
      const refused = err instanceof ApiRequestError && err.status > 0;
      setError(refused ? err.message : "Sync now failed: the server could not be reached.");
    } finally {
      setRunning(false);
      onRan();
    }
  }

  return (
    <section aria-label="Sync status" className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-gray-200 bg-white px-4 py-2 text-sm">
      <span>
        Source: <strong className="font-medium">Sync API</strong>
      </span>
      <span className="text-gray-700">
        Last synced: {summary?.lastAppliedAt ? <RelativeTime iso={summary.lastAppliedAt} /> : "never"}
      </span>
      <span role="status">
        {progress ? <RunProgressBar progress={progress} className="w-56" /> : <RunState run={summary?.lastRun ?? null} manual={manual} onShowProblems={onShowProblems} />}
      </span>
      {manual && canRun && (
        <button
          type="button"
          onClick={syncNow}
          disabled={running}
          className="ml-auto rounded-md bg-accent px-3 py-1.5 font-medium text-on-accent hover:bg-accent-hover disabled:bg-blue-300"
        >
          {running ? "Syncing…" : "Sync now"}
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
