import "server-only";
import { findSyncEndpoint } from "../data/sync-endpoints";
import { invalidRequest, notFound } from "../errors";
import type { RunTrigger, SyncRunJson } from "../sync-shapes/json";
import { runSync } from "./engine/run-sync";

// "Sync now": apply the most recently received payload of a configured sync. `now` is the sync's
// clock (record timestamps, retention window); tests inject it.
export async function runSyncNow(input: { syncId: string; trigger?: RunTrigger; now?: Date; allowMassDeletion?: boolean }): Promise<SyncRunJson> {
  const sync = await findSyncEndpoint(input.syncId);
  if (!sync) throw notFound(`No sync ${input.syncId}.`);
  const { now } = input;
  const run = await runSync({
    sync,
    trigger: input.trigger ?? "manual",
    source: { kind: "latest" },
    now: now && (() => now),
    allowMassDeletion: input.allowMassDeletion,
    admit: async (_tx, state, payload) => {
      if (!state?.config || state.status !== "active") {
        throw invalidRequest("sync: this sync is not set up yet; configure it before running it.");
      }
      if (!payload) throw invalidRequest("sync: no CSV has been received yet.");
      return { state, config: state.config };
    },
  });
  if (!run) throw new Error("an admitted run always applies");
  return run;
}
