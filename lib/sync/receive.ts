import "server-only";
import { ApiError } from "../errors";
import { countsOf } from "../data/sync-runs";
import type { RunCounts } from "../sync-shapes/json";
import type { SyncEndpointRef } from "./endpoints";
import { runSync } from "./engine/run-sync";
import { countSyncRequest } from "./rate-limit";

export type SyncResponse = { success: true; runId: string; status: "applied" | "received" } & RunCounts;

// The Sync API after the route's guards (auth, content type, size): count the request, then store
// the CSV, parse it, and apply it when the sync is set up with the automatic update method
// (runSync). Whatever fails leaves nothing but a failed run.
export async function receiveSyncRequest(input: {
  sync: SyncEndpointRef;
  body: Uint8Array;
  clock?: () => Date;
}): Promise<SyncResponse> {
  const { sync } = input;
  await countSyncRequest(sync.baseId);
  const run = await runSync({
    sync,
    trigger: "api",
    source: { kind: "request", body: input.body },
    now: input.clock,
    admit: async (_tx, state) => {
      if (!state) throw new ApiError("NOT_FOUND", `No sync ${sync.id}.`);
      const applies = state.status === "active" && state.config?.updateMethod === "auto";
      return { state, config: applies ? state.config : null };
    },
  });
  if (!run) throw new Error("a request is always a run");
  return { success: true, runId: run.id, status: run.status === "applied" ? "applied" : "received", ...countsOf(run) };
}
