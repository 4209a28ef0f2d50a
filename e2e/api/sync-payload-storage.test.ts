// How a received CSV is kept (lib/data/sync-payloads.ts): deflated, read back exactly, its head
// read for the status without the rest; payloads stored as text before keep working.
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { readPayloadBody } from "@/lib/data/sync-payloads";
import { api, makeOwnerSetup, makeToken, SYNC_SCOPES } from "../support/fixtures";
import { createConfiguredSync, createSync, csvOf, liveRecords, postCsv } from "../support/sync";

async function storedPayloads(syncId: string) {
  const { rows } = await getPool().query<{ id: string; body: string | null; deflated: number | null; bytes: number }>(
    `SELECT id, body, length(body_deflated) AS deflated, bytes FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at, id`,
    [syncId],
  );
  return rows;
}

async function statusWithRows(setup: { user: { id: string }; base: { id: string } }, syncId: string) {
  const reader = await makeToken(setup.user.id, { scopes: [...SYNC_SCOPES, "data.records:read"], baseIds: [setup.base.id] });
  const status = await api(`/v0/meta/bases/${setup.base.id}/syncs/${syncId}`, { token: reader.token });
  expect(status.status).toBe(200);
  return status.json.latestPayload as { header: string[]; rowCount: number; sampleRows: string[][] };
}

describe("stored CSVs", () => {
  it("keeps a request's body deflated and reads it back exactly, BOM dropped", async () => {
    const setup = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createSync(setup.token, setup.base.id);
    const csv = csvOf([["id", "name", "note"], ...Array.from({ length: 2000 }, (_, i) => [`k${i}`, `Name ${i}`, "héllo, wörld 🙂"])]);
    const bytes = Buffer.byteLength(csv);
    expect((await postCsv(sync.path, setup.token, `\uFEFF${csv}`)).status).toBe(200);

    const [stored] = await storedPayloads(sync.id);
    expect(stored.body).toBeNull();
    expect(stored.bytes).toBe(bytes + 3);
    expect(stored.deflated).toBeGreaterThan(0);
    expect(stored.deflated).toBeLessThan(bytes / 3); // a repetitive CSV compresses well
    expect(await readPayloadBody(getPool(), stored.id)).toBe(csv);

    const latest = await statusWithRows(setup, sync.id);
    expect(latest.header).toEqual(["id", "name", "note"]);
    expect(latest.rowCount).toBe(2000);
    expect(latest.sampleRows.slice(0, 2)).toEqual([
      ["k0", "Name 0", "héllo, wörld 🙂"],
      ["k1", "Name 1", "héllo, wörld 🙂"],
    ]);
    expect(latest.sampleRows).toHaveLength(20);
  });

  it("shows whole sample rows from the head of a large body that compresses badly, and applies all of it", async () => {
    const setup = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    // Random letters and emoji (four bytes each) compress poorly: the head's slice ends mid-row
    // and likely inside a character.
    const letters = [..."abcdefghijklmnopqrstuvwxyz🙂🚀ÄÖ"];
    let seed = 7;
    const random = (n: number) => Array.from({ length: n }, () => letters[(seed = (seed * 48271) % 2147483647) % letters.length]).join("");
    const rows = Array.from({ length: 6000 }, (_, i) => [`k${i}`, random(120)]);
    const csv = csvOf([["id", "text"], ...rows]);
    const sync = await createConfiguredSync({ token: setup.token, baseId: setup.base.id, csv });

    const latest = await statusWithRows(setup, sync.id);
    const [stored] = await storedPayloads(sync.id);
    expect(stored.deflated).toBeGreaterThan(256 * 1024); // past the status poll's head (lib/sync/status.ts)
    expect(latest.rowCount).toBe(6000);
    expect(latest.sampleRows).toEqual(rows.slice(0, 20));
    expect(JSON.stringify(latest.sampleRows)).not.toContain("\uFFFD");
    const records = await liveRecords(sync.tableId);
    expect(records).toHaveLength(6000);
    expect(records.find((r) => r.key === "k5999")?.fields.text).toBe(rows[5999][1]);
  });

  it("still reads, shows and re-applies a payload stored as text before bodies were deflated", async () => {
    const setup = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createConfiguredSync({ token: setup.token, baseId: setup.base.id, csv: csvOf([["id", "v"], ["a", "1"]]), config: { updateMethod: "manual" } });
    const old = csvOf([["id", "v"], ["a", "2"], ["b", "3"]]);
    await getPool().query(
      `INSERT INTO sync_payloads (id, sync_id, received_at, body, header, row_count, bytes) VALUES ($1, $2, now(), $3, $4, 2, $5)`,
      [`run${Math.random().toString(36).slice(2, 16)}`, sync.id, old, ["id", "v"], Buffer.byteLength(old)],
    );
    const latest = await statusWithRows(setup, sync.id);
    expect(latest.sampleRows).toEqual([["a", "2"], ["b", "3"]]);

    const run = await api(`/v0/meta/bases/${setup.base.id}/syncs/${sync.id}/run`, { method: "POST", token: setup.token });
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ status: "applied", created: 1, updated: 1 });
    expect((await liveRecords(sync.tableId)).map((r) => [r.key, r.fields.v])).toEqual([["a", "2"], ["b", "3"]]);
  });

  it("refuses a payload row with both bodies or neither", async () => {
    const setup = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createSync(setup.token, setup.base.id);
    const insert = (body: string | null, deflated: Buffer | null) =>
      getPool().query(
        `INSERT INTO sync_payloads (id, sync_id, body, body_deflated, header, row_count, bytes) VALUES ($1, $2, $3, $4, '{}', 0, 0)`,
        [`run${Math.random().toString(36).slice(2, 16)}`, sync.id, body, deflated],
      );
    await expect(insert(null, null)).rejects.toThrow(/sync_payloads_one_body/);
    await expect(insert("id\n", Buffer.from([1]))).rejects.toThrow(/sync_payloads_one_body/);
  });
});
