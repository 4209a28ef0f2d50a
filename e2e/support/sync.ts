// Helpers for tests that need a sync: build CSV text, create and configure a sync over HTTP the way
// a client of the contract does, and read a table's records straight from the database. Tests
// that start their own app servers or databases (reliability tests) use the `…To`/`…At` helpers,
// which name the server or database, and setupSyncOverHttp (scripts/lib/sync-over-http.ts).
//
//   const { token, base } = await makeOwnerSetup();
//   const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "name"], ["1", "Ada"]]) });
//   await postCsv(sync.path, token, csvOf([["id", "name"], ["1", "Grace"]]));
//   const records = await liveRecords(sync.tableId); // [{ id: "rec…", key: "1", fields: { name: "Grace" } }]
//
// `config` overrides parts of the default configuration (every column single line text, the first
// column as key, auto update, delete); `fields` may list just the columns whose type matters.
import pg from "pg";
import { api } from "./fixtures";

// Server modules load lazily (as in fixtures.ts), so Playwright specs can import these helpers.
const getPool = async () => (await import("@/lib/db")).getPool();

type Cell = string | number;

// Header + rows → CSV text, quoting only where needed. `eol` picks the line end.
export function csvOf(rows: Cell[][], eol = "\n"): string {
  const quote = (cell: Cell) => {
    const text = String(cell);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(quote).join(",")).join(eol) + eol;
}

export type SyncConfigBody = {
  tableName?: string;
  fieldSelection?: "all" | "specific";
  fields?: { column: string; name?: string; type: string; options?: Record<string, unknown> }[];
  primaryKey?: string;
  updateMethod?: "auto" | "manual";
  deletion?: "delete" | "keep";
  retentionDays?: number;
  maxDeletePercent?: number | null;
};

export type TestSync = { id: string; tableId: string; baseId: string; url: string; path: string };

export async function createSync(token: string, baseId: string, name = `Table ${Math.random().toString(36).slice(2, 8)}`): Promise<TestSync> {
  const res = await api(`/v0/meta/bases/${baseId}/syncs`, { method: "POST", token, json: { name } });
  if (res.status !== 200) throw new Error(`create sync → ${res.status} ${res.text}`);
  const { id, tableId, url } = res.json;
  return { id, tableId, baseId, url, path: `/v0/${baseId}/${tableId}/sync/${id}` };
}

export function postCsv(path: string, token: string, body: BodyInit, contentType = "text/csv") {
  return api(path, { method: "POST", token, headers: { "content-type": contentType }, body });
}

// The default configuration for a CSV header: every column as single line text, first column as key.
export function configFor(header: string[], overrides: SyncConfigBody = {}): Required<Omit<SyncConfigBody, "retentionDays" | "maxDeletePercent">> & SyncConfigBody {
  const typed = new Map((overrides.fields ?? []).map((f) => [f.column.toLowerCase(), f]));
  const fieldSelection = overrides.fieldSelection ?? "all";
  const columns = fieldSelection === "specific" && overrides.fields ? overrides.fields.map((f) => f.column) : header;
  return {
    tableName: `Synced ${Math.random().toString(36).slice(2, 8)}`,
    updateMethod: "auto",
    deletion: "delete",
    primaryKey: header[0],
    ...overrides,
    fieldSelection,
    fields: columns.map((column) => typed.get(column.toLowerCase()) ?? { column, type: "singleLineText" }),
  };
}

export function configureSync(token: string, sync: TestSync, config: unknown) {
  return api(`/v0/meta/bases/${sync.baseId}/syncs/${sync.id}`, { method: "PUT", token, json: config });
}

// Create → first CSV → PUT configuration (creates the table and applies the CSV).
export async function createConfiguredSync(input: { token: string; baseId: string; csv: string; config?: SyncConfigBody }) {
  const sync = await createSync(input.token, input.baseId, input.config?.tableName);
  const first = await postCsv(sync.path, input.token, input.csv);
  if (first.status !== 200) throw new Error(`first CSV → ${first.status} ${first.text}`);
  const status = await api(`/v0/meta/bases/${sync.baseId}/syncs/${sync.id}`, { token: input.token });
  const header: string[] = status.json.latestPayload.header;
  const config = configFor(header, input.config);
  const res = await configureSync(input.token, sync, config);
  if (res.status !== 200) throw new Error(`configure → ${res.status} ${res.text}`);
  return { ...sync, config, status: res.json };
}

export type TestRecord = { id: string; key: string; fields: Record<string, string | number>; deletedAt: Date | null; updatedAt: Date };

// Records with their cells by field name (tombstones too when asked), ordered by key.
export async function tableRecords(tableId: string, options: { withTombstones?: boolean } = {}): Promise<TestRecord[]> {
  const pool = await getPool();
  const fields = await pool.query<{ slot: number; name: string }>(`SELECT slot, name FROM fields WHERE table_id = $1`, [tableId]);
  const names = new Map(fields.rows.map((f) => [String(f.slot), f.name]));
  const { rows } = await pool.query(
    `SELECT id, key, cells, deleted_at, updated_at FROM records WHERE table_id = $1 ${options.withTombstones ? "" : "AND deleted_at IS NULL"} ORDER BY key`,
    [tableId],
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    deletedAt: r.deleted_at,
    updatedAt: r.updated_at,
    fields: Object.fromEntries(Object.entries(JSON.parse(r.cells) as Record<string, string | number>).map(([slot, v]) => [names.get(slot) ?? `slot ${slot}`, v])),
  }));
}

export const liveRecords = (tableId: string) => tableRecords(tableId);

// Everything about a table's records, tombstones included: equal fingerprints = nothing changed.
type Fingerprint = { count: number; live: number; digest: string };
const FINGERPRINT_SQL = `
  SELECT count(*)::int AS count, count(*) FILTER (WHERE deleted_at IS NULL)::int AS live,
         md5(coalesce(string_agg(id || ':' || key || ':' || cells::text || ':' || coalesce(deleted_at::text, '') || ':' || updated_at::text, ',' ORDER BY id), '')) AS digest
    FROM records WHERE table_id = $1`;

export async function recordsFingerprint(tableId: string): Promise<string> {
  const { rows } = await (await getPool()).query<Fingerprint>(FINGERPRINT_SQL, [tableId]);
  return `${rows[0].count}:${rows[0].live}:${rows[0].digest}`;
}

// The same, read over a connection of its own to `databaseUrl`.
export async function recordsFingerprintAt(databaseUrl: string, tableId: string): Promise<Fingerprint> {
  return withClient(databaseUrl, async (client) => (await client.query<Fingerprint>(FINGERPRINT_SQL, [tableId])).rows[0]);
}

export async function liveKeys(databaseUrl: string, tableId: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(`SELECT key FROM records WHERE table_id = $1 AND deleted_at IS NULL ORDER BY key`, [tableId]);
    return rows.map((r) => r.key as string);
  });
}

async function withClient<T>(databaseUrl: string, read: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await read(client);
  } finally {
    await client.end();
  }
}

// postCsv to another app server; answers the raw Response.
export function postCsvTo(appUrl: string, path: string, token: string, body: BodyInit, contentType = "text/csv") {
  return fetch(`${appUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body,
  });
}

// `rows` data rows keyed K1, K2, … (from `startKey`) with `columns` columns: id, col1, col2, …
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

// Holds a table's sync lock from the test process until `release()` (for the 503 path).
export async function holdTableLock(tableId: string) {
  const { TABLE_LOCK_KEY_SQL } = await import("@/lib/sync/engine/transaction");
  const client = await (await getPool()).connect();
  await client.query("BEGIN");
  await client.query(`SELECT pg_advisory_xact_lock(${TABLE_LOCK_KEY_SQL})`, [tableId]);
  return {
    async release() {
      await client.query("ROLLBACK");
      client.release();
    },
  };
}

export async function syncRuns(token: string, sync: Pick<TestSync, "baseId" | "id">) {
  const res = await api(`/v0/meta/bases/${sync.baseId}/syncs/${sync.id}/runs`, { token });
  if (res.status !== 200) throw new Error(`runs → ${res.status} ${res.text}`);
  return res.json.runs;
}
