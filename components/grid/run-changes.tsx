"use client";
// A run's change list under its row in the run history: searchable by key, grouped by kind, paged,
// with the Undo button when the run is the one an undo would revert.
import { useEffect, useState } from "react";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import type { RunChangeJson, RunChangesJson } from "@/lib/sync-shapes/json";

const KIND_LABELS = { created: "Created", updated: "Updated", deleted: "Deleted" } as const;
const PAGE_SIZE = 100;

type Props = { baseId: string; syncId: string; runId: string; undoable: boolean; onUndone: () => void };

export function RunChanges({ baseId, syncId, runId, undoable, onUndone }: Props) {
  const [search, setSearch] = useState("");
  const [data, setData] = useState<RunChangesJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/v0/meta/bases/${baseId}/syncs/${syncId}/runs/${runId}`;

  useEffect(() => {
    let cancelled = false;
    const query = new URLSearchParams({ pageSize: String(PAGE_SIZE), ...(search ? { search } : {}) });
    apiRequest<RunChangesJson>(`${base}/changes?${query}`)
      .then((body) => !cancelled && setData(body))
      .catch((err) => !cancelled && setError(describe(err, "The changes could not be loaded.")));
    return () => {
      cancelled = true;
    };
  }, [base, search]);

  const undo = async () => {
    if (!window.confirm("Undo this run? The table goes back to how it was before the run.")) return;
    setBusy(true);
    setError(null);
    try {
      await apiRequest(`${base}/undo`, { method: "POST" });
      onUndone();
    } catch (err) {
      setError(describe(err, "The run could not be undone."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-xs">
          <span className="mr-1 text-gray-700">Search keys</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="rounded border border-gray-300 px-2 py-0.5 text-xs"
          />
        </label>
        {undoable && (
          <button
            type="button"
            onClick={undo}
            disabled={busy}
            className="rounded border border-red-300 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
          >
            {busy ? "Undoing…" : "Undo this run"}
          </button>
        )}
        {data?.undoneBy && <span className="text-xs text-gray-600">Undone by run {data.undoneBy}</span>}
      </div>
      {error && <p className="text-xs text-red-700">{error}</p>}
      {!data && !error && <p className="text-xs text-gray-600">Loading changes…</p>}
      {data && !data.kept && <p className="text-xs text-gray-600">This run&apos;s change list is no longer kept (the latest 10 applied runs keep theirs).</p>}
      {data?.kept && data.changes.length === 0 && <p className="text-xs text-gray-600">No changes{search ? " with that key" : ""}.</p>}
      {data?.kept &&
        (["created", "updated", "deleted"] as const).map((kind) => {
          const changes = data.changes.filter((c) => c.kind === kind);
          if (changes.length === 0) return null;
          return (
            <section key={kind} aria-label={`${KIND_LABELS[kind]} records`}>
              <h5 className="text-xs font-semibold text-gray-700">
                {KIND_LABELS[kind]} ({changes.length}
                {data.offset ? " shown" : ""})
              </h5>
              <ul className="mt-1 space-y-0.5 text-xs">
                {changes.map((c) => (
                  <li key={`${c.kind}:${c.key}`} className="font-mono">
                    {c.key}
                    {c.revived ? " (back with its old id)" : ""}
                    {c.kind === "updated" && <FieldChanges change={c} />}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {data?.offset && <p className="text-xs text-gray-600">First {data.changes.length} of {data.total.toLocaleString("en-US")} changes; search by key to find others.</p>}
    </div>
  );
}

const describe = (err: unknown, fallback: string) => (err instanceof ApiRequestError && err.status > 0 ? err.message : fallback);

const show = (value: unknown) => (value === null || value === undefined ? "(empty)" : String(value));

function FieldChanges({ change }: { change: RunChangeJson }) {
  return (
    <span className="ml-2 font-sans text-gray-700">
      {(change.fields ?? []).map((f) => `${f.field}: ${show(f.old)} → ${show(f.new)}`).join("; ")}
    </span>
  );
}
