// The setup flow end to end: create a sync, send CSVs while it waits, configure it (which creates
// the table and applies the latest CSV), then automatic and manual syncs.
import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup, makeToken, SYNC_SCOPES } from "../support/fixtures";
import { configFor, configureSync, createConfiguredSync, createSync, csvOf, liveRecords, postCsv, syncRuns } from "../support/sync";

describe("sync setup flow", () => {
  it("stores CSVs while waiting, creates the table on the first PUT, then applies each CSV", async () => {
    const { user, base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createSync(token, base.id, "Products");
    expect(sync.id).toMatch(/^syn[A-Za-z0-9]{14}$/);
    expect(sync.tableId).toMatch(/^tbl[A-Za-z0-9]{14}$/);
    expect(sync.url).toMatch(new RegExp(`^https?://[^/]+${sync.path}$`));

    const early = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}/run`, { method: "POST", token });
    expect(early.status).toBe(422);
    expect(early.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
    const listed = await api(`/v0/meta/bases/${base.id}/syncs`, { token });
    expect(listed.json).toEqual({ syncs: [{ id: sync.id, baseId: base.id, tableId: sync.tableId, name: "Products", url: sync.url, status: "waiting" }] });

    const waiting = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { token });
    expect(waiting.status).toBe(200);
    expect(waiting.json).toMatchObject({ id: sync.id, tableId: sync.tableId, status: "waiting", latestPayload: null, config: null, lastRun: null });

    const first = await postCsv(sync.path, token, csvOf([["sku", "name"], ["A1", "Old"]]));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ success: true, status: "received", rowsReceived: 1, created: 0 });
    const latest = csvOf([["SKU", "Name", "Price"], ["A1", "Anvil", "10.50"], ["B2", "Bucket", "3"]]);
    const second = await postCsv(sync.path, token, latest);
    expect(second.json).toMatchObject({ success: true, status: "received", rowsReceived: 2 });

    const received = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { token });
    expect(received.json.status).toBe("received");
    // The CSV's rows are record data: a token without data.records:read sees the header and count only.
    expect(received.json.latestPayload).toMatchObject({ header: ["SKU", "Name", "Price"], rowCount: 2, sampleRows: [] });
    const reader = (await makeToken(user.id, { scopes: [...SYNC_SCOPES, "data.records:read"], baseIds: [base.id] })).token;
    const sampled = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { token: reader });
    expect(sampled.json.latestPayload).toMatchObject({ sampleRows: [["A1", "Anvil", "10.50"], ["B2", "Bucket", "3"]] });
    expect(received.json.suggestedFields).toEqual([
      { column: "SKU", type: "singleLineText" },
      { column: "Name", type: "singleLineText" },
      { column: "Price", type: "number", options: { precision: 2 } },
    ]);

    const config = configFor(["SKU", "Name", "Price"], { tableName: "Products", fields: [{ column: "Price", type: "number", options: { precision: 2 } }] });
    const put = await configureSync(token, sync, config);
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ status: "active", name: "Products", lastRun: { trigger: "setup", status: "applied", created: 2 } });
    expect(await liveRecords(sync.tableId)).toMatchObject([
      { key: "A1", fields: { SKU: "A1", Name: "Anvil", Price: 10.5 } },
      { key: "B2", fields: { SKU: "B2", Name: "Bucket", Price: 3 } },
    ]);

    // The schema needs schema.bases:read, as in Airtable: the sync's write-only token is refused.
    expect((await api(`/v0/meta/bases/${base.id}/tables`, { token })).status).toBe(403);
    const schemaReader = await makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [base.id] });
    const tables = await api(`/v0/meta/bases/${base.id}/tables`, { token: schemaReader.token });
    expect(tables.status).toBe(200);
    expect(tables.json.tables).toHaveLength(1);
    const table = tables.json.tables[0];
    expect(table.views).toEqual([{ id: expect.stringMatching(/^viw[A-Za-z0-9]{14}$/), name: "Grid view", type: "grid" }]);
    expect(table).toMatchObject({ id: sync.tableId, name: "Products" });
    expect(table.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
      ["SKU", "singleLineText"],
      ["Name", "singleLineText"],
      ["Price", "number"],
    ]);
    expect(table.primaryFieldId).toBe(table.fields[0].id);
    expect(table.fields[2].options).toEqual({ precision: 2 });

    // Automatic update: applied inside the request; by table name as well as id.
    const auto = await postCsv(`/v0/${base.id}/products/sync/${sync.id}`, token, csvOf([["SKU", "Name", "Price"], ["A1", "Anvil", "11"], ["C3", "Chain", "7"]]));
    expect(auto.status).toBe(200);
    expect(auto.json).toMatchObject({ success: true, status: "applied", created: 1, updated: 1, deleted: 1, unchanged: 0 });
    expect((await liveRecords(sync.tableId)).map((r) => [r.key, r.fields.Price])).toEqual([
      ["A1", 11],
      ["C3", 7],
    ]);
    const runs = await syncRuns(token, sync);
    expect(runs.map((r: { trigger: string; status: string }) => `${r.trigger}:${r.status}`)).toEqual(["api:applied", "setup:applied", "api:received", "api:received"]);
  });

  it("manual update method stores each CSV until Sync now applies the latest", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "v"], ["1", "a"]]), config: { updateMethod: "manual" } });
    expect((await liveRecords(sync.tableId)).map((r) => r.key)).toEqual(["1"]);

    const stored = await postCsv(sync.path, token, csvOf([["id", "v"], ["2", "b"]]));
    expect(stored.json).toMatchObject({ success: true, status: "received", rowsReceived: 1, created: 0 });
    await postCsv(sync.path, token, csvOf([["id", "v"], ["3", "c"], ["4", "d"]]));
    expect((await liveRecords(sync.tableId)).map((r) => r.key)).toEqual(["1"]);

    const run = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}/run`, { method: "POST", token });
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ trigger: "manual", status: "applied", created: 2, deleted: 1 });
    expect((await liveRecords(sync.tableId)).map((r) => r.key)).toEqual(["3", "4"]);
  });

  it("keeps the latest three CSVs, and the one the table reflects, with their header and row count", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "v"], ["applied", "a"]]), config: { updateMethod: "manual" } });
    for (let i = 1; i <= 5; i++) await postCsv(sync.path, token, csvOf([["id", "v"], ...Array.from({ length: i }, (_, r) => [`k${r}`, `p${i}`])]));
    const { getPool } = await import("@/lib/db");
    const { readPayloadBody } = await import("@/lib/data/sync-payloads");
    const { rows } = await getPool().query(`SELECT id, header, row_count FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at, id`, [sync.id]);
    expect(rows.map((r) => [r.header, r.row_count])).toEqual([
      [["id", "v"], 1], // the one the table reflects
      [["id", "v"], 3],
      [["id", "v"], 4],
      [["id", "v"], 5],
    ]);
    expect(await readPayloadBody(getPool(), rows[0].id)).toContain("applied");
  });
});
