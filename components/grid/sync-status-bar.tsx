"use client";
import { useState } from "react";
import type { RunSummary, TableSyncSummary } from "@/lib/records/grid";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import { RelativeTime } from "./relative-time";

type Props = {
  summary: TableSyncSummary | null;
  baseId: string;
  canRun: boolean;
  onRan: () => void;
};

function RunState({ run, manual }: { run: RunSummary | null; manual: boolean }) {
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
  return (
    <span className="text-green-800">
      Last run applied: {run.created} created, {run.updated} updated, {run.deleted} deleted
      {run.problemCount > 0 ? `, ${run.problemCount} problem${run.problemCount === 1 ? "" : "s"}` : ""}
    </span>
  );
}

// Source, last successful sync, the last run's outcome, and Sync now for manual syncs.
export function SyncStatusBar({ summary, baseId, canRun, onRan }: Props) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const manual = summary?.updateMethod === "manual";

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
        <RunState run={summary?.lastRun ?? null} manual={manual} />
      </span>
      {manual && canRun && (
        <button
          type="button"
          onClick={syncNow}
          disabled={running}
          className="ml-auto rounded-md bg-blue-600 px-3 py-1.5 font-medium text-white hover:bg-blue-700 disabled:bg-blue-300"
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
