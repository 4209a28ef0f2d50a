// Helpers for tests of own fields: a synced table to add them to, the browser's session for the
// grid's routes, and a fingerprint of everything a refused write must leave alone.
import { APP_URL, api, makeOwnerSetup } from "./fixtures";
import { createConfiguredSync, csvOf, type SyncConfigBody } from "./sync";

const getPool = async () => (await import("@/lib/db")).getPool();

export async function sessionCookie(userId: string): Promise<string> {
  const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
  return `${SESSION_COOKIE}=${(await createSession(userId)).value}`;
}

// A request as the app's own pages make it: session cookie and this site's Origin.
export function asBrowser(cookie: string, path: string, init: { method?: string; json?: unknown } = {}) {
  return api(path, { method: init.method ?? "GET", json: init.json, headers: { cookie, origin: new URL(APP_URL).origin } });
}

export const PRODUCTS = [
  ["SKU", "Name", "Price"],
  ["A1", "Anvil", "10"],
  ["B2", "Bucket", "20"],
  ["C3", "Crate", "30"],
];

// An owner, a token with every scope, and a synced table of PRODUCTS (Price a number).
export async function ownFieldsSetup(input: { csv?: string; config?: SyncConfigBody } = {}) {
  const owner = await makeOwnerSetup();
  const sync = await createConfiguredSync({
    token: owner.token,
    baseId: owner.base.id,
    csv: input.csv ?? csvOf(PRODUCTS),
    config: { fields: [{ column: "Price", type: "number" }], ...input.config },
  });
  const cookie = await sessionCookie(owner.user.id);
  return { ...owner, sync, tableId: sync.tableId, baseId: owner.base.id, cookie };
}

export async function createField(t: { token: string; baseId: string; tableId: string }, body: unknown) {
  const res = await api(`/v0/meta/bases/${t.baseId}/tables/${t.tableId}/fields`, { method: "POST", token: t.token, json: body });
  if (res.status !== 200) throw new Error(`create field → ${res.status} ${res.text}`);
  return res.json as { id: string; name: string; type: string; options?: Record<string, unknown> };
}

// Records (with tombstones and own cells) and fields: equal texts = nothing changed.
export async function tableState(tableId: string): Promise<string> {
  const pool = await getPool();
  const { rows } = await pool.query(
    `SELECT (SELECT md5(coalesce(string_agg(id || ':' || key || ':' || cells || ':' || coalesce(own_cells, '-') || ':' || coalesce(deleted_at::text, ''), ',' ORDER BY id), ''))
               FROM records WHERE table_id = $1) AS records,
            (SELECT md5(coalesce(string_agg(id || ':' || name || ':' || type || ':' || coalesce(options::text, '') || ':' || position, ',' ORDER BY id), ''))
               FROM fields WHERE table_id = $1) AS fields`,
    [tableId],
  );
  return `${rows[0].records}/${rows[0].fields}`;
}

// Own values by record key, straight from the database (tombstones too).
export async function ownCellsByKey(tableId: string): Promise<Record<string, { id: string; own: Record<string, unknown>; deleted: boolean }>> {
  const pool = await getPool();
  const fields = await pool.query<{ slot: number; name: string }>(`SELECT slot, name FROM fields WHERE table_id = $1 AND origin = 'own'`, [tableId]);
  const names = new Map(fields.rows.map((f) => [String(f.slot), f.name]));
  const { rows } = await pool.query(`SELECT id, key, own_cells, deleted_at FROM records WHERE table_id = $1`, [tableId]);
  return Object.fromEntries(
    rows.map((r) => [
      r.key,
      {
        id: r.id,
        deleted: r.deleted_at !== null,
        own: Object.fromEntries(Object.entries(r.own_cells ? (JSON.parse(r.own_cells) as Record<string, unknown>) : {}).map(([slot, v]) => [names.get(slot) ?? `slot ${slot}`, v])),
      },
    ]),
  );
}
