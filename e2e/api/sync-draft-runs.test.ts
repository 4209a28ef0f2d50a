// The wizard's draft on a sync (PUT / DELETE …/draft, `draft` in the status, cleared by a saved
// configuration) and the run list's `limit` and `problems=none`.
import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup, makeToken, SYNC_SCOPES } from "../support/fixtures";
import { configFor, configureSync, createSync, csvOf, postCsv } from "../support/sync";

const draftBody = (primaryKey: string) => ({
  step: "key",
  payloadId: null,
  values: {
    tableName: "Draft table",
    fieldSelection: "all",
    fields: [{ column: "sku", name: "SKU", type: "singleLineText", options: {}, selected: true }],
    primaryKey,
    updateMethod: "auto",
    deletion: "delete",
    retentionDays: null,
  },
});

describe("wizard drafts", () => {
  it("keeps a draft on the sync until a configuration is saved", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createSync(token, base.id, "Drafted");
    const path = `/v0/meta/bases/${base.id}/syncs/${sync.id}`;
    expect((await api(path, { token })).json.draft).toBeNull();

    const saved = await api(`${path}/draft`, { method: "PUT", token, json: draftBody("sku") });
    expect(saved.status).toBe(204);
    expect((await api(path, { token })).json.draft).toEqual(draftBody("sku"));

    const refused = await api(`${path}/draft`, { method: "PUT", token, json: { ...draftBody("sku"), step: "nowhere" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
    expect((await api(path, { token })).json.draft).toEqual(draftBody("sku"));

    await postCsv(sync.path, token, csvOf([["sku", "name"], ["A1", "Anvil"]]));
    const configured = await configureSync(token, sync, configFor(["sku", "name"], { primaryKey: "sku" }));
    expect(configured.status).toBe(200);
    expect((await api(path, { token })).json.draft).toBeNull();

    await api(`${path}/draft`, { method: "PUT", token, json: draftBody("name") });
    expect((await api(`${path}/draft`, { method: "DELETE", token })).status).toBe(204);
    expect((await api(path, { token })).json.draft).toBeNull();
  });

  it("needs the sync scopes and creator access, like saving a configuration", async () => {
    const { user, base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createSync(token, base.id, "Guarded");
    const { token: readOnly } = await makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [base.id] });
    const res = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}/draft`, { method: "PUT", token: readOnly, json: draftBody("sku") });
    expect(res.status).toBe(403);
  });
});

describe("run list options", () => {
  it("limits the list, leaves problems out on request, and names the record of each problem", async () => {
    // Every scope: problem values and keys are record data (data.records:read).
    const { base, token } = await makeOwnerSetup();
    const sync = await createSync(token, base.id, "Runs");
    await postCsv(sync.path, token, csvOf([["sku", "n"], ["A1", "x"], ["A2", "2"]]));
    await configureSync(token, sync, configFor(["sku", "n"], { primaryKey: "sku", fields: [{ column: "sku", type: "singleLineText" }, { column: "n", type: "number", options: { precision: 0 } }] }));
    for (let i = 0; i < 3; i++) await postCsv(sync.path, token, csvOf([["sku", "n"], ["A1", "x"], ["A2", String(i)]]));
    const path = `/v0/meta/bases/${base.id}/syncs/${sync.id}/runs`;

    const all = await api(path, { token });
    expect(all.json.runs).toHaveLength(5);
    expect(all.json.runs[0].problems).toEqual([{ row: 1, column: "n", value: "x", reason: expect.any(String), key: "A1" }]);
    const two = await api(`${path}?limit=2&problems=none`, { token });
    expect(two.json.runs.map((r: { id: string }) => r.id)).toEqual(all.json.runs.slice(0, 2).map((r: { id: string }) => r.id));
    expect(two.json.runs[0]).toMatchObject({ problemCount: 1, problems: [] });

    for (const bad of ["0", "501", "2.5", "many"]) {
      const res = await api(`${path}?limit=${bad}`, { token });
      expect(res.status, bad).toBe(422);
      expect(res.json.error.message).toMatch(/limit must be a whole number from 1 to 500/);
    }
  });
});
