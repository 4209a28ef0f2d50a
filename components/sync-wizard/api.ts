// The wizard's calls to the management API and the sync endpoint, from the browser with the
// session cookie (same origin). Errors keep the contract's type and message for display.
import type { SyncConfigInput } from "@/lib/sync-shapes/config";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";
import type { ConfigurePreviewJson } from "@/lib/sync-wizard/change-summary";

export class WizardApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "WizardApiError";
  }
}

async function call<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, body, cache: "no-store" });
  } catch {
    throw new WizardApiError(0, "NETWORK", "Could not reach Tablesync. Check your connection and try again.");
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = (json as { error?: { type?: string; message?: string } } | null)?.error;
    throw new WizardApiError(res.status, error?.type ?? "SERVER_ERROR", error?.message ?? `The server answered ${res.status}.`);
  }
  return json as T;
}

const syncsPath = (baseId: string) => `/v0/meta/bases/${encodeURIComponent(baseId)}/syncs`;

export type CreatedSync = { id: string; tableId: string; url: string; status: string };

export const createSync = (baseId: string, name: string) =>
  call<CreatedSync>(syncsPath(baseId), { method: "POST", json: { name } });

export const getSync = (baseId: string, syncId: string, signal?: AbortSignal) =>
  call<SyncStatusJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { signal });

export const putSyncConfig = (baseId: string, syncId: string, config: SyncConfigInput) =>
  call<SyncStatusJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { method: "PUT", json: config });

// What a configuration change would do, nothing saved (PUT …?dryRun=true).
export const previewSyncConfig = (baseId: string, syncId: string, config: SyncConfigInput) =>
  call<ConfigurePreviewJson>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}?dryRun=true`, { method: "PUT", json: config });

export type SyncResponse = { success: true; runId: string; status: string; rowsReceived: number; rowsIgnored: number };

// The sync URL may carry PUBLIC_URL's origin; the browser posts to this server's own path.
export const postCsvFile = (syncUrl: string, file: Blob) =>
  call<SyncResponse>(new URL(syncUrl, window.location.origin).pathname, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });

// Pages that poll a sync's status stop (and cancel a poll in flight) when it is being deleted, so
// they never ask for a sync that is gone.
export const SYNC_DELETING_EVENT = "tablesync:sync-deleting";

export function deleteSync(baseId: string, syncId: string) {
  window.dispatchEvent(new CustomEvent(SYNC_DELETING_EVENT, { detail: syncId }));
  return call<{ id: string; deleted: true }>(`${syncsPath(baseId)}/${encodeURIComponent(syncId)}`, { method: "DELETE" });
}
