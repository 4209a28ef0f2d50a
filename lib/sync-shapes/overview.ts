// One sync as the "Syncs" page and `GET /v0/meta/syncs` list it. Types only, no server imports.
import type { RunStatus, RunTrigger } from "./json";

// What a person wants to know at a glance: still being set up, applying requests as they come,
// holding a received request until someone presses "Sync now", or failing (its last run failed).
export type SyncHealth = "settingUp" | "active" | "waitingForSyncNow" | "failing";

export type SyncOverviewJson = {
  id: string;
  base: { id: string; name: string };
  table: { id: string; name: string };
  health: SyncHealth;
  setupStatus: "waiting" | "received" | "active";
  updateMethod: "auto" | "manual" | null; // null while being set up
  lastRun: {
    id: string;
    status: RunStatus;
    trigger: RunTrigger;
    startedAt: string;
    finishedAt: string | null;
    created: number;
    updated: number;
    deleted: number;
    problemCount: number;
    error: string | null;
  } | null;
};

export function syncHealth(input: { setupStatus: string; lastRunStatus: string | null }): SyncHealth {
  if (input.setupStatus !== "active") return "settingUp";
  if (input.lastRunStatus === "failed") return "failing";
  if (input.lastRunStatus === "received") return "waitingForSyncNow";
  return "active";
}

export const HEALTH_LABELS: Record<SyncHealth, string> = {
  settingUp: "Setting up",
  active: "Active",
  waitingForSyncNow: "Waiting for Sync now",
  failing: "Failing",
};
