// A configured sync, built as a client of the contract would: create the endpoint, send the first
// CSV, PUT the configuration (which creates the table and applies it). Every call names the app's
// URL, so it serves the load script and tests that start their own app servers alike.
export type SyncHandle = { baseId: string; syncId: string; tableId: string; path: string };

export type SyncSetup = {
  appUrl: string;
  token: string;
  baseId: string;
  csv: string;
  config: Record<string, unknown>;
};

async function call(url: string, init: RequestInit & { token: string }) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${init.token}`);
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function setupSyncOverHttp(s: SyncSetup): Promise<SyncHandle> {
  const created = await call(`${s.appUrl}/v0/meta/bases/${s.baseId}/syncs`, {
    method: "POST",
    token: s.token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: String(s.config.tableName ?? "Synced") }),
  });
  const path = `/v0/${s.baseId}/${created.tableId}/sync/${created.id}`;
  await call(`${s.appUrl}${path}`, { method: "POST", token: s.token, headers: { "content-type": "text/csv" }, body: s.csv });
  await call(`${s.appUrl}/v0/meta/bases/${s.baseId}/syncs/${created.id}`, {
    method: "PUT",
    token: s.token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(s.config),
  });
  return { baseId: s.baseId, syncId: created.id, tableId: created.tableId, path };
}

// Every column (`id`, `col1`, …) as single line text, keyed by `id`.
export const textConfig = (tableName: string, columns = 5) => ({
  tableName,
  fieldSelection: "all",
  fields: ["id", ...Array.from({ length: columns - 1 }, (_, i) => `col${i + 1}`)].map((column) => ({ column, type: "singleLineText" })),
  primaryKey: "id",
  updateMethod: "auto",
  deletion: "delete",
});
