// Contract "Own fields and record writes": a sync never changes own-field values. Re-syncs with
// changed, removed and returning keys, undo, a configuration update, and a CSV column named like
// an own field (synced as "<Name> (synced)" and reported in the run).
import { describe, expect, it } from "vitest";
import { api } from "../support/fixtures";
import { createField, ownCellsByKey, ownFieldsSetup, PRODUCTS } from "../support/own-fields";
import { configFor, configureSync, csvOf, postCsv, syncRuns } from "../support/sync";

type Setup = Awaited<ReturnType<typeof ownFieldsSetup>>;

async function fill(t: Setup) {
  await createField(t, { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo" }, { name: "Done" }] } });
  await createField(t, { name: "Ok", type: "checkbox" });
  await createField(t, { name: "Notes", type: "multilineText" });
  const list = await api(`/v0/${t.baseId}/${t.tableId}`, { token: t.token });
  const ids = Object.fromEntries((list.json.records as { id: string; fields: { SKU: string } }[]).map((r) => [r.fields.SKU, r.id]));
  const res = await api(`/v0/${t.baseId}/${t.tableId}`, {
    method: "PATCH",
    token: t.token,
    json: { records: Object.entries(ids).map(([sku, id]) => ({ id, fields: { Status: "Done", Ok: true, Notes: `note ${sku}` } })) },
  });
  expect(res.status, res.text).toBe(200);
  return ids;
}

const own = (sku: string) => ({ Status: "Done", Ok: true, Notes: `note ${sku}` });

describe("a sync and own fields", () => {
  it("keeps own values across changed rows, tombstones them with a removed key and restores them with the record when the key returns", async () => {
    const t = await ownFieldsSetup();
    const ids = await fill(t);

    const changed = await postCsv(t.sync.path, t.token, csvOf([["SKU", "Name", "Price"], ["A1", "Anvil XL", "11"], ["B2", "Bucket", "21"], ["C3", "Crate", "30"]]));
    expect(changed.json).toMatchObject({ updated: 2, unchanged: 1 });
    let cells = await ownCellsByKey(t.tableId);
    for (const sku of ["A1", "B2", "C3"]) expect(cells[sku]).toEqual({ id: ids[sku], deleted: false, own: own(sku) });

    const removed = await postCsv(t.sync.path, t.token, csvOf([["SKU", "Name", "Price"], ["A1", "Anvil XL", "11"], ["C3", "Crate", "30"]]));
    expect(removed.json).toMatchObject({ deleted: 1 });
    cells = await ownCellsByKey(t.tableId);
    expect(cells.B2).toEqual({ id: ids.B2, deleted: true, own: own("B2") });

    const back = await postCsv(t.sync.path, t.token, csvOf([["SKU", "Name", "Price"], ["A1", "Anvil XL", "11"], ["B2", "Bucket", "22"], ["C3", "Crate", "30"]]));
    expect(back.json).toMatchObject({ created: 1 });
    const record = await api(`/v0/${t.baseId}/${t.tableId}/${ids.B2}`, { token: t.token });
    expect(record.status).toBe(200);
    expect(record.json.fields).toEqual({ SKU: "B2", Name: "Bucket", Price: 22, ...own("B2") });
  });

  it("keeps own values when a run is undone", async () => {
    const t = await ownFieldsSetup();
    const ids = await fill(t);
    const run = await postCsv(t.sync.path, t.token, csvOf([["SKU", "Name", "Price"], ["A1", "Anvil", "99"], ["C3", "Crate", "30"], ["D4", "Drum", "40"]]));
    expect(run.json).toMatchObject({ updated: 1, deleted: 1, created: 1 });
    const undo = await api(`/v0/meta/bases/${t.baseId}/syncs/${t.sync.id}/runs/${run.json.runId}/undo`, { method: "POST", token: t.token });
    expect(undo.status, undo.text).toBe(200);
    const cells = await ownCellsByKey(t.tableId);
    expect(Object.keys(cells).sort()).toEqual(["A1", "B2", "C3"]);
    for (const sku of ["A1", "B2", "C3"]) expect(cells[sku]).toEqual({ id: ids[sku], deleted: false, own: own(sku) });
    const a1 = await api(`/v0/${t.baseId}/${t.tableId}/${ids.A1}`, { token: t.token });
    expect(a1.json.fields).toMatchObject({ Price: 10, ...own("A1") });
  });

  it("a configuration update keeps own fields, their places and values", async () => {
    const t = await ownFieldsSetup();
    const ids = await fill(t);
    const fieldsApi = `/v0/meta/bases/${t.baseId}/tables/${t.tableId}/fields`;
    const schema = async () => (await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token })).json.tables[0].fields as { id: string; name: string; type: string }[];
    const status = (await schema()).find((f) => f.name === "Status")!;
    expect((await api(`${fieldsApi}/${status.id}`, { method: "PATCH", token: t.token, json: { position: 1 } })).status).toBe(200);
    expect((await schema()).map((f) => f.name)).toEqual(["SKU", "Status", "Name", "Price", "Ok", "Notes"]);

    // Rename a synced field, change a type: the latest CSV is applied again.
    const config = configFor(PRODUCTS[0], { tableName: t.sync.config.tableName, fields: [{ column: "Name", name: "Title", type: "singleLineText" }, { column: "Price", type: "currency" }] });
    const res = await configureSync(t.token, t.sync, config);
    expect(res.status, res.text).toBe(200);
    const after = await schema();
    expect(after.map((f) => f.name)).toEqual(["SKU", "Status", "Title", "Price", "Ok", "Notes"]);
    expect(after.find((f) => f.name === "Price")!.type).toBe("currency");
    const cells = await ownCellsByKey(t.tableId);
    for (const sku of ["A1", "B2", "C3"]) expect(cells[sku]).toEqual({ id: ids[sku], deleted: false, own: own(sku) });

    // A configured field named like an own field is saved as "<Name> (synced)".
    const named = await configureSync(t.token, t.sync, { ...config, fields: [...config.fields.filter((f) => f.column !== "Name"), { column: "Name", name: "notes", type: "singleLineText" }] });
    expect(named.status, named.text).toBe(200);
    expect((await schema()).map((f) => f.name)).toEqual(["SKU", "Status", "Price", "notes (synced)", "Ok", "Notes"]);

    // The configuration refuses own-only types for a CSV column.
    const checkbox = await configureSync(t.token, t.sync, configFor(PRODUCTS[0], { fields: [{ column: "Name", type: "checkbox" }] }));
    expect(checkbox.status).toBe(422);
    expect(checkbox.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
  });

  it("syncs a new CSV column named like an own field as \"<Name> (synced)\" and reports it in the run", async () => {
    const t = await ownFieldsSetup();
    await fill(t);
    const wider = csvOf([["SKU", "Name", "Price", "status"], ["A1", "Anvil", "10", "from csv"], ["B2", "Bucket", "20", ""], ["C3", "Crate", "30", ""]]);
    const res = await postCsv(t.sync.path, t.token, wider);
    expect(res.status, res.text).toBe(200);
    const fields = (await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token })).json.tables[0].fields as { name: string }[];
    expect(fields.map((f) => f.name)).toEqual(["SKU", "Name", "Price", "Status", "Ok", "Notes", "status (synced)"]);
    const record = (await api(`/v0/${t.baseId}/${t.tableId}?filterByFormula=${encodeURIComponent("{SKU} = 'A1'")}`, { token: t.token })).json.records[0];
    expect(record.fields).toMatchObject({ Status: "Done", "status (synced)": "from csv" });
    const run = (await syncRuns(t.token, t.sync))[0];
    expect(run.problems[0]).toMatchObject({ row: 0, column: "status", reason: expect.stringContaining('synced as "status (synced)"') });
    expect(run.problemCount).toBe(1);
  });
});
