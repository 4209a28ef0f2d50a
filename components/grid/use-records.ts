"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { gridPageSize, type GridPage, type GridRecord } from "@/lib/records/grid";
import { apiRequest } from "@/components/api/client";

export type GridSort = { fieldId: string; direction: "asc" | "desc" } | null;
export type GridQuery = { sort: GridSort; search: string };

type State = { key: string; records: GridRecord[]; offset: string | null; total: number; loading: boolean; error: string | null };

const queryKey = (q: GridQuery, version: number) => JSON.stringify([q.sort, q.search, version]);

function rowsUrl(base: string, q: GridQuery, offset: string | null, pageSize: number): string {
  const params = new URLSearchParams({ pageSize: String(pageSize) });
  if (q.sort) {
    params.set("sort[0][field]", q.sort.fieldId);
    params.set("sort[0][direction]", q.sort.direction);
  }
  if (q.search) params.set("search", q.search);
  if (offset) params.set("offset", offset);
  return `${base}?${params}`;
}

// Pages of records for the grid, loaded on demand: the first page for the current sort and
// search, then the next page whenever the visible rows come near the end of what is loaded.
// `version` bumps to reload (a sync run landed). Responses for an older query are dropped.
export function useRecords(input: { rowsPath: string; query: GridQuery; version: number; initial: GridPage }) {
  const { rowsPath, query, version, initial } = input;
  const key = queryKey(query, version);
  const [state, setState] = useState<State>(() => ({
    key: queryKey({ sort: null, search: "" }, 0),
    records: initial.records,
    offset: initial.offset ?? null,
    total: initial.total ?? initial.records.length,
    loading: false,
    error: null,
  }));
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
  }, [key]);
  const inFlight = useRef<string | null>(null);

  const load = useCallback(
    async (forKey: string, offset: string | null, pageSize: number) => {
      const marker = `${forKey}|${offset ?? ""}`;
      if (inFlight.current === marker) return;
      inFlight.current = marker;
      setState((s) => ({ ...s, loading: true }));
      try {
        const page = await apiRequest<GridPage>(rowsUrl(rowsPath, query, offset, pageSize));
        if (latest.current !== forKey) return;
        setState((s) => ({
          key: forKey,
          records: offset && s.key === forKey ? [...s.records, ...page.records] : page.records,
          offset: page.offset ?? null,
          total: page.total ?? s.total,
          loading: false,
          error: null,
        }));
      } catch (err) {
        if (latest.current === forKey) setState((s) => ({ ...s, loading: false, error: (err as Error).message }));
      } finally {
        if (inFlight.current === marker) inFlight.current = null;
      }
    },
    [rowsPath, query],
  );

  useEffect(() => {
    // The server rendered the first page of the default query; anything else is fetched.
    if (state.key !== key) void load(key, null, gridPageSize(0, 0));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = state.key === key;
  const ensureLoaded = useCallback(
    (index: number) => {
      if (current && state.offset && !state.loading && index >= state.records.length - 100) {
        void load(key, state.offset, gridPageSize(state.records.length, index));
      }
    },
    [current, state.offset, state.loading, state.records.length, load, key],
  );

  // One record as edited or as a write answered it; the other rows keep their objects.
  const updateRecord = useCallback((id: string, update: (record: GridRecord) => GridRecord) => {
    setState((s) => ({ ...s, records: s.records.map((r) => (r.id === id ? update(r) : r)) }));
  }, []);

  return {
    updateRecord,
    records: state.records,
    total: state.total,
    loading: state.loading || !current,
    error: state.error,
    ensureLoaded,
  };
}
