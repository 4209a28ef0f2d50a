"use client";
// Short polling of one sync endpoint's status, GET …/syncs/{syncId}: the wizard notices a received
// API request on its own, and hears about newer ones while the user configures. (The grid's
// status bar polls its table's summary instead: components/grid/use-table-sync-summary.ts.)
import { useEffect, useRef, useState } from "react";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";
import { ApiRequestError } from "@/components/api/client";
import { getSync, SYNC_DELETING_EVENT } from "./api";

export type SyncStatusState = { status: SyncStatusJson | null; error: ApiRequestError | null };

type Options = {
  enabled: boolean;
  // Milliseconds until the next poll after this answer, or null to stop polling.
  interval: (status: SyncStatusJson) => number | null;
  // Called with every answer, before it is rendered (the wizard folds new payloads into its form).
  onStatus?: (status: SyncStatusJson) => void;
};

export function useSyncEndpointStatus(baseId: string, syncId: string | null, options: Options): SyncStatusState {
  const [state, setState] = useState<SyncStatusState>({ status: null, error: null });
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const { enabled } = options;
  useEffect(() => {
    if (!syncId || !enabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      let next: number | null = 1000;
      try {
        const status = await getSync(baseId, syncId, controller.signal);
        if (stopped) return;
        latest.current.onStatus?.(status);
        setState({ status, error: null });
        next = latest.current.interval(status);
      } catch (err) {
        if (stopped) return;
        const error = err instanceof ApiRequestError ? err : new ApiRequestError(0, "NETWORK", "Could not reach Tablesync.");
        setState((s) => ({ status: s.status, error }));
        // A missing sync or a lost permission will not fix itself: stop asking.
        if (error.status === 401 || error.status === 403 || error.status === 404) next = null;
      }
      if (next !== null && !stopped) timer = setTimeout(tick, next);
    };
    const stop = () => {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    const onDeleting = (e: Event) => {
      if ((e as CustomEvent<string>).detail === syncId) stop();
    };
    window.addEventListener(SYNC_DELETING_EVENT, onDeleting);
    void tick();
    return () => {
      window.removeEventListener(SYNC_DELETING_EVENT, onDeleting);
      stop();
    };
  }, [baseId, syncId, enabled]);

  return state;
}
