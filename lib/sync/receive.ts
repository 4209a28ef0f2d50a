import "server-only";
import { ApiError } from "../errors";
import { countsOf } from "../data/sync-runs";
import type { RunCounts } from "../sync-shapes/json";
import type { ChangedKeys } from "./engine/changes";
import type { SyncEndpointRef } from "./endpoints";
import { runSync } from "./engine/run-sync";

export type SyncResponse = { success: true; runId: string; status: "applied" | "received" } & RunCounts;
export type DryRunResponse = { success: true; status: "dryRun" } & RunCounts & { sample: { created: string[]; updated: string[]; deleted: string[] } };

// How many keys of each kind a dry run names.
const SAMPLE_KEYS = 10;

// The Sync API after the route's guards (auth, content type, size, rate limit: sync-request.ts):
// store the CSV, parse it, and apply it when the sync is set up with the automatic update method
// (runSync). Whatever fails leaves nothing but a failed run.
//
// A dry run does all of that (applying also for a manual sync, as Sync now would) and rolls the
// transaction back: its counts are a real run's, and nothing is stored, not even a failed run.
export async function receiveSyncRequest(input: {
  sync: SyncEndpointRef;
  body: Uint8Array;
  clock?: () => Date;
  dryRun?: boolean;
  allowMassDeletion?: boolean;
}): Promise<SyncResponse | DryRunResponse> {
  const { sync, dryRun = false } = input;
  let sample: DryRunResponse["sample"] = { created: [], updated: [], deleted: [] };
  const onChanges = (changes: ChangedKeys) => {
    if (!dryRun) return;
    const first = (keys: string[]) => [...keys].sort().slice(0, SAMPLE_KEYS);
    sample = { created: first([...changes.created, ...changes.revived]), updated: first(changes.updated), deleted: first(changes.deleted) };
  };
  const run = await runSync({
    sync,
    trigger: "api",
    source: { kind: "request", body: input.body },
    now: input.clock,
    dryRun,
    allowMassDeletion: input.allowMassDeletion,
    onChanges,
    admit: async (_tx, state) => {
      if (!state) throw new ApiError("NOT_FOUND", `No sync ${sync.id}.`);
      const applies = state.status === "active" && (dryRun || state.config?.updateMethod === "auto");
      return { state, config: applies ? state.config : null };
    },
  });
  if (!run) throw new Error("a request is always a run");
  if (dryRun) return { success: true, status: "dryRun", ...countsOf(run), sample };
  return { success: true, runId: run.id, status: run.status === "applied" ? "applied" : "received", ...countsOf(run) };
}
