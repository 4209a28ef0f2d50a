// The wizard's calls to the management API and the sync endpoint, through the app's one browser
// client (components/api/client.ts).
import type { SyncConfigInput } from "@/lib/sync-shapes/config";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";
import type { WizardDraft } from "@/lib/sync-wizard/draft";
import { apiRequest } from "@/components/api/client";
import type { ConfigurePreviewJson } from "@/lib/sync-wizard/change-summary";

const syncsPath = (baseId: string) => `/v0/meta/bases/${encodeURIComponent(baseId)}/syncs`;

export type CreatedSync = { id: string; tableId: string; url: string; status: string };

export const createSync = (baseId: string, name: string) =>
  apiRequest<CreatedSync>(syncsPath(baseId), { method: "POST", json: { name } });

export const getSync = (baseId: string, syncId: string, signal?: AbortSignal) =>
  apiRequest<SyncStatusJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { signal });

export const putSyncConfig = (baseId: string, syncId: string, config: SyncConfigInput) =>
  apiRequest<SyncStatusJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { method: "PUT", json: config });

// What a configuration change would do, nothing saved (PUT …?dryRun=true).
export const previewSyncConfig = (baseId: string, syncId: string, config: SyncConfigInput) =>
  apiRequest<ConfigurePreviewJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}?dryRun=true`, { method: "PUT", json: config });

export type SyncResponse = { success: true; runId: string; status: string; rowsReceived: number; rowsIgnored: number };

// The sync URL may carry PUBLIC_URL's origin; the browser posts to this server's own path.
export const postCsvFile = (syncUrl: string, file: Blob) =>
  apiRequest<SyncResponse>(new URL(syncUrl, window.location.origin).pathname, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });

// The wizard's draft (step and unsaved choices) on the sync; see lib/sync-wizard/draft.ts.
export const putDraft = (baseId: string, syncId: string, draft: WizardDraft) =>
  apiRequest<null>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}/draft`, { method: "PUT", json: draft, keepalive: true });

export const deleteDraft = (baseId: string, syncId: string) =>
  apiRequest<null>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}/draft`, { method: "DELETE", keepalive: true });

// Pages that poll a sync's status stop (and cancel a poll in flight) when it is being deleted, so
// they never ask for a sync that is gone.
export const SYNC_DELETING_EVENT = "tablesync:sync-deleting";

export function deleteSync(baseId: string, syncId: string) {
  window.dispatchEvent(new CustomEvent(SYNC_DELETING_EVENT, { detail: syncId }));
  return apiRequest<{ id: string; deleted: true }>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { method: "DELETE" });
}
