// Sync helpers for tests that run their own app servers or databases (reliability tests, the load
// script): every function takes the app's URL or the database URL explicitly. Tests against the
// suite's shared server use e2e/support/sync.ts instead.
//
// setupSyncOverHttp builds a configured sync as a client of the contract would: create the
// endpoint, send the first CSV, PUT the configuration (which creates the table and applies it).
import pg from "pg";

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

export function postCsv(appUrl: string, path: string, token: string, body: BodyInit, contentType = "text/csv") {
  return fetch(`${appUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body,
  });
}

// A fingerprint of every record row of a table, tombstones included: equal fingerprints mean
// nothing about the table's records changed.
export async function recordsFingerprint(databaseUrl: string, tableId: string): Promise<{ count: number; live: number; digest: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE deleted_at IS NULL)::int AS live,
              md5(coalesce(string_agg(id || ':' || key || ':' || cells::text || ':' || coalesce(deleted_at::text, ''), ',' ORDER BY id), '')) AS digest
         FROM records WHERE table_id = $1`,
      [tableId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

export async function liveKeys(databaseUrl: string, tableId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT key FROM records WHERE table_id = $1 AND deleted_at IS NULL ORDER BY key`, [tableId]);
    return rows.map((r) => r.key as string);
  } finally {
    await client.end();
  }
}

export function generateCsv(options: { rows: number; columns?: number; seed?: string; startKey?: number }): string {
  const columns = options.columns ?? 5;
  const header = ["id", ...Array.from({ length: columns - 1 }, (_, i) => `col${i + 1}`)];
  const lines = [header.join(",")];
  const start = options.startKey ?? 1;
  for (let r = 0; r < options.rows; r++) {
    const cells = [`K${start + r}`];
    for (let c = 1; c < columns; c++) cells.push(`${options.seed ?? "v"}-${r}-${c}`);
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

export const textConfig = (tableName: string, columns = 5) => ({
  tableName,
  fieldSelection: "all",
  fields: ["id", ...Array.from({ length: columns - 1 }, (_, i) => `col${i + 1}`)].map((column) => ({ column, type: "singleLineText" })),
  primaryKey: "id",
  updateMethod: "auto",
  deletion: "delete",
});
