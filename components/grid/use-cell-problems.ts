"use client";
// The cells that did not parse in the table's latest applied run, by record key and column, for
// the grid's corner markers. Reloads when `version` changes (a run landed).
import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api/client";
import type { SyncProblemJson, SyncRunJson } from "@/lib/sync-shapes/json";

export type CellProblems = Map<string, Map<string, SyncProblemJson>>;

const RUNS_LOOKED_AT = 10;

export function cellProblemsOf(runs: SyncRunJson[]): CellProblems {
  const applied = runs.find((r) => r.status === "applied");
  const byKey: CellProblems = new Map();
  for (const p of applied?.problems ?? []) {
    if (!p.key) continue;
    const columns = byKey.get(p.key) ?? new Map<string, SyncProblemJson>();
    columns.set(p.column.trim().toLowerCase(), p);
    byKey.set(p.key, columns);
  }
  return byKey;
}

export function useCellProblems(input: { baseId: string; syncId: string | null; version: number }): CellProblems {
  const { baseId, syncId, version } = input;
  const [problems, setProblems] = useState<CellProblems>(() => new Map());
  useEffect(() => {
    if (!syncId) return;
    let cancelled = false;
    apiRequest<{ runs: SyncRunJson[] }>(`/v0/meta/bases/${baseId}/syncs/${syncId}/runs?limit=${RUNS_LOOKED_AT}`)
      .then((body) => {
        if (!cancelled) setProblems(cellProblemsOf(body.runs));
      })
      .catch(() => {
        // Markers are a help, not the data: without them the grid still shows every value.
      });
    return () => {
      cancelled = true;
    };
  }, [baseId, syncId, version]);
  return problems;
}
