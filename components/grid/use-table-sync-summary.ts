"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { SYNC_DELETING_EVENT } from "@/components/sync-wizard/api";
import type { TableSyncSummary } from "@/lib/records/grid";
import { apiRequest } from "@/components/api/client";

const POLL_MS = 3_000;

// Polls the table's sync summary (last run, last applied) for the status bar; calls onRunLanded when the last run changes (a new run, or the
// same run reaching another status), so the grid and the history reload on their own.
// `onRunLanded` must be stable (useCallback).
export function useTableSyncSummary(input: { statusPath: string; initial: TableSyncSummary | null; onRunLanded: () => void }) {
  const { statusPath, initial, onRunLanded } = input;
  const [summary, setSummary] = useState(initial);
  const seen = useRef(runMarker(initial));

  const refresh = useCallback(async () => {
    try {
      const next = (await apiRequest<{ sync: TableSyncSummary | null }>(statusPath)).sync;
      setSummary(next);
      const marker = runMarker(next);
      if (marker !== seen.current) {
        seen.current = marker;
        onRunLanded();
      }
    } catch {
      // A missed poll is retried on the next tick.
    }
  }, [statusPath, onRunLanded]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    // The table is being deleted: its status will be gone.
    const stop = () => clearInterval(timer);
    window.addEventListener(SYNC_DELETING_EVENT, stop);
    return () => {
      window.removeEventListener(SYNC_DELETING_EVENT, stop);
      stop();
    };
  }, [refresh]);

  return { summary, refresh };
}

function runMarker(summary: TableSyncSummary | null): string {
  const run = summary?.lastRun;
  return run ? `${run.id}:${run.status}` : "";
}
