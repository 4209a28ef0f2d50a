// The limits a self-hoster configures (contract, "Limits"): SYNC_MAX_BODY_BYTES, SYNC_MAX_ROWS and
// SYNC_MAX_COLUMNS, on app servers of their own started with them, on the suite's database. The
// suite's shared server keeps Airtable's defaults (sync-data, sync-errors test those).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { getPool } from "@/lib/db";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup } from "../support/fixtures";
import { setupSyncOverHttp, textConfig } from "@/scripts/lib/sync-over-http";
import { generateCsv, postCsvTo as postCsv } from "../support/sync";

const databaseUrl = process.env.DATABASE_URL!;
const LOWERED = { SYNC_MAX_BODY_BYTES: "4096", SYNC_MAX_ROWS: "50", SYNC_MAX_COLUMNS: "6" };
const RAISED = { SYNC_MAX_BODY_BYTES: String(64 * 1024 * 1024), SYNC_MAX_ROWS: "250000", SYNC_MAX_COLUMNS: "600" };
let lowered: AppServer;
let raised: AppServer;

beforeAll(async () => {
  [lowered, raised] = await Promise.all([
    startAppServer({ databaseUrl, quiet: true, env: LOWERED }),
    startAppServer({ databaseUrl, quiet: true, env: { ...RAISED, TRANSACTION_TIMEOUT_MS: "300000" } }),
  ]);
});

afterAll(async () => {
  await Promise.all([lowered?.stop(), raised?.stop()]);
});

async function readJson(res: Response) {
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

describe("lowered limits (SYNC_MAX_ROWS=50, SYNC_MAX_BODY_BYTES=4096, SYNC_MAX_COLUMNS=6)", () => {
  it("syncs the first 50 rows and reports the rest as ignored", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await setupSyncOverHttp({ appUrl: lowered.url, token, baseId: base.id, csv: generateCsv({ rows: 3 }), config: textConfig("Fifty") });
    const res = await readJson(await postCsv(lowered.url, sync.path, token, generateCsv({ rows: 60 })));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "applied", rowsReceived: 60, rowsIgnored: 10, created: 47, unchanged: 3, updated: 0 });
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS n, bool_or(key = 'K50') AS fiftieth, bool_or(key = 'K51') AS fifty_first FROM records WHERE table_id = $1 AND deleted_at IS NULL`,
      [sync.tableId],
    );
    expect(rows[0]).toEqual({ n: 50, fiftieth: true, fifty_first: false });
  });

  it("answers 413 naming the configured figure past 4,096 bytes, and accepts exactly 4,096", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await setupSyncOverHttp({ appUrl: lowered.url, token, baseId: base.id, csv: generateCsv({ rows: 3 }), config: textConfig("Small") });
    const header = "id,col1,col2,col3,col4\n";
    const pad = (size: number) => header + "K1,x," + "y".repeat(size - header.length - 10) + ",z,w\n";
    expect(pad(4097)).toHaveLength(4097);
    const refused = await readJson(await postCsv(lowered.url, sync.path, token, pad(4097)));
    expect(refused.status, refused.text).toBe(413);
    expect(refused.json).toEqual({ error: { type: "REQUEST_TOO_LARGE", message: "The request body is larger than the limit of 4,096 bytes (4 KB)." } });
    const accepted = await readJson(await postCsv(lowered.url, sync.path, token, pad(4096)));
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toMatchObject({ status: "applied", rowsReceived: 1 });
  });

  it("refuses a seventh column naming the configured figure", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await setupSyncOverHttp({ appUrl: lowered.url, token, baseId: base.id, csv: generateCsv({ rows: 3, columns: 6 }), config: textConfig("Six", 6) });
    const res = await readJson(await postCsv(lowered.url, sync.path, token, generateCsv({ rows: 3, columns: 7 })));
    expect(res.status, res.text).toBe(422);
    expect(res.json.error).toEqual({ type: "INVALID_CSV", message: "The CSV has 7 columns; at most 6 are supported." });
  });

  it("shows the configured figures in the wizard", async () => {
    const { user, base } = await makeOwnerSetup();
    const session = await createSession(user.id);
    const res = await fetch(`${lowered.url}/bases/${base.id}/sync/new`, { headers: { cookie: `${SESSION_COOKIE}=${session.value}` } });
    expect(res.status).toBe(200);
    const html = (await res.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/Each request can carry up\s+to 50 rows, 6 columns and\s+4 KB\./);
  });
});

type Progress = { runId: string; phase: string; rowsDone: number; rowsTotal: number; startedAt: string };

// Runs `work` while polling the sync's status; returns its answer and every progress seen meanwhile.
// `poll` asks another app process than the one running the sync, as a second server behind a load
// balancer would: the progress is in Postgres, and the busy process answers its own polls late (its
// event loop turns between chunks of coercion), so on a quick machine it might answer none in time.
async function whileFollowing<T>(statusPath: string, poll: (path: string) => Promise<{ json: { progress: Progress | null } }>, work: () => Promise<T>) {
  const seen: Progress[] = [];
  let finished = false;
  const polling = (async () => {
    while (!finished) {
      const { json } = await poll(statusPath);
      if (json.progress) seen.push(json.progress);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work().finally(() => (finished = true));
  await polling;
  return { result, seen };
}

// `midway`: some answer saw the run before it was done: part of the way through its rows (the COPY of
// a new table reports as it goes), or with every row handed over while Postgres still writes them
// (phase "writing": on a quiet machine Node coerces 200,000 rows before the first poll lands). A
// re-sync's rows are counted after its diff, so it may jump from 0 to all.
function expectProgressOf(seen: Progress[], runId: string, midway = true) {
  expect(seen.length).toBeGreaterThan(0);
  for (const p of seen) expect(p).toMatchObject({ runId, rowsTotal: 200_000, phase: expect.stringMatching(/^(applying|writing)$/) });
  const done = seen.map((p) => p.rowsDone);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(done.every((n) => n >= 0 && n <= 200_000)).toBe(true);
  if (midway) expect(seen.some((p) => (p.rowsDone > 0 && p.rowsDone < 200_000) || p.phase === "writing"), done.join(" ")).toBe(true);
}

describe("raised limits (SYNC_MAX_ROWS=250,000, SYNC_MAX_BODY_BYTES=64 MB, SYNC_MAX_COLUMNS=600)", () => {
  it("creates a table from a 200,000-row × 20-column CSV reporting progress, re-syncs it unchanged, and runs Sync now with progress", { timeout: 600_000 }, async () => {
    const { base, token } = await makeOwnerSetup();
    const csv = generateCsv({ rows: 200_000, columns: 20 });
    expect(Buffer.byteLength(csv)).toBeGreaterThan(40 * 1024 * 1024);
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${raised.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } }).then(readJson);
    const pollOther = (path: string) => fetch(`${lowered.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(readJson);
    const created = await call(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", body: JSON.stringify({ name: "Large" }) });
    const sync = { id: created.json.id as string, tableId: created.json.tableId as string, path: `/v0/${base.id}/${created.json.tableId}/sync/${created.json.id}` };
    const statusPath = `/v0/meta/bases/${base.id}/syncs/${sync.id}`;
    // The first POST is stored; the configuration creates the table from it ("Create table").
    expect((await readJson(await postCsv(raised.url, sync.path, token, csv))).json).toMatchObject({ status: "received", rowsReceived: 200_000 });

    const creating = await whileFollowing(statusPath, pollOther, () =>
      call(statusPath, { method: "PUT", body: JSON.stringify({ ...textConfig("Large", 20), updateMethod: "manual" }) }),
    );
    expect(creating.result.status, creating.result.text).toBe(200);
    const setupRun = await getPool().query(`SELECT id, rows_received, created FROM sync_runs WHERE sync_id = $1 AND status = 'applied'`, [sync.id]);
    expect(setupRun.rows).toEqual([{ id: expect.any(String), rows_received: 200_000, created: 200_000 }]);
    expectProgressOf(creating.seen, setupRun.rows[0].id);
    expect((await call(statusPath)).json.progress).toBeNull();

    // Unchanged, through "Sync now" (manual), then 10 % changed.
    const again = await call(`${statusPath}/run`, { method: "POST" });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ status: "applied", rowsReceived: 200_000, rowsIgnored: 0, unchanged: 200_000, created: 0, updated: 0, deleted: 0 });
    const changed = csv.replace(/^(K\d*0),v-/gm, "$1,w-");
    expect((await readJson(await postCsv(raised.url, sync.path, token, changed))).json).toMatchObject({ status: "received" });
    const running = await whileFollowing(statusPath, pollOther, () => call(`${statusPath}/run`, { method: "POST" }));
    expect(running.result.json).toMatchObject({ status: "applied", updated: 20_000, unchanged: 180_000 });
    expectProgressOf(running.seen, running.result.json.id, false);

    const { rows } = await getPool().query(`SELECT count(*)::int AS n, max(key) FILTER (WHERE key = 'K200000') AS last FROM records WHERE table_id = $1`, [sync.tableId]);
    expect(rows[0]).toEqual({ n: 200_000, last: "K200000" });
    const page = await readJson(await fetch(`${raised.url}/v0/${base.id}/${sync.tableId}?pageSize=3`, { headers: { authorization: `Bearer ${token}` } }));
    expect(page.status, page.text).toBe(200);
    expect(page.json.records).toHaveLength(3);
  });

  it("takes 600 columns", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await setupSyncOverHttp({ appUrl: raised.url, token, baseId: base.id, csv: generateCsv({ rows: 2, columns: 600 }), config: textConfig("Wide", 600) });
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM fields WHERE table_id = $1`, [sync.tableId]);
    expect(rows[0].n).toBe(600);
  });
});
