// Every sync in one list (GET /v0/meta/syncs) and deleting a sync with its table
// (DELETE /v0/meta/bases/{baseId}/syncs/{syncId}).
import { describe, expect, it } from "vitest";
import { api, grantBaseRole, makeBase, makeOwnerSetup, makeToken, makeUser, SCOPES } from "../support/fixtures";
import { createConfiguredSync, createSync, csvOf, liveRecords, postCsv, recordsFingerprint } from "../support/sync";

const getPool = async () => (await import("@/lib/db")).getPool();
const CSV = csvOf([["sku", "name"], ["A1", "Anvil"], ["B2", "Bucket"]]);

async function countRows(table: string, column: string, id: string): Promise<number> {
  const { rows } = await (await getPool()).query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]);
  return rows[0].n;
}

describe("GET /v0/meta/syncs", () => {
  it("lists every sync the user can see across bases, each with its health and latest run", async () => {
    const { user, base, token: baseToken } = await makeOwnerSetup();
    const other = await makeBase(user.id);
    const { token } = await makeToken(user.id); // all bases
    const active = await createConfiguredSync({ token, baseId: base.id, csv: CSV, config: { tableName: "Active one" } });
    const manual = await createConfiguredSync({ token, baseId: other.id, csv: CSV, config: { tableName: "Manual one", updateMethod: "manual" } });
    expect((await postCsv(manual.path, token, CSV)).status).toBe(200);
    const failing = await createConfiguredSync({ token, baseId: other.id, csv: CSV, config: { tableName: "Failing one" } });
    expect((await postCsv(failing.path, token, "name\nno key column\n")).status).toBe(422);
    const settingUp = await createSync(token, base.id, "Not yet");
    // Someone else's sync never shows up.
    const stranger = await makeOwnerSetup();
    await createSync(stranger.token, stranger.base.id, "Not mine");

    const res = await api("/v0/meta/syncs", { token });
    expect(res.status).toBe(200);
    const byId = new Map(res.json.syncs.map((s: { id: string }) => [s.id, s]));
    expect(res.json.syncs).toHaveLength(4);
    expect(byId.get(active.id)).toMatchObject({
      base: { id: base.id, name: base.name },
      table: { id: active.tableId, name: "Active one" },
      health: "active",
      setupStatus: "active",
      updateMethod: "auto",
      lastRun: { status: "applied", trigger: "setup", created: 2, updated: 0, deleted: 0, problemCount: 0, error: null },
    });
    expect(byId.get(manual.id)).toMatchObject({ health: "waitingForSyncNow", updateMethod: "manual", lastRun: { status: "received", trigger: "api" } });
    expect(byId.get(failing.id)).toMatchObject({ health: "failing", lastRun: { status: "failed" } });
    expect((byId.get(failing.id) as { lastRun: { error: string } }).lastRun.error).toMatch(/sku/);
    expect(byId.get(settingUp.id)).toMatchObject({ health: "settingUp", setupStatus: "waiting", updateMethod: null, lastRun: null, table: { name: "Not yet" } });

    // A token granted one base sees that base's syncs only.
    const narrow = await api("/v0/meta/syncs", { token: baseToken });
    expect(narrow.json.syncs.map((s: { id: string }) => s.id).sort()).toEqual([active.id, settingUp.id].sort());
  });

  it("needs a schema scope, and lists bases the user only reads", async () => {
    const { user } = await makeOwnerSetup();
    const { token: recordsOnly } = await makeToken(user.id, { scopes: ["data.records:read"] });
    expect((await api("/v0/meta/syncs", { token: recordsOnly })).json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    expect((await api("/v0/meta/syncs")).status).toBe(401);

    const owner = await makeOwnerSetup();
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: CSV });
    await grantBaseRole({ baseId: owner.base.id, userId: user.id, role: "read" });
    const { token: reader } = await makeToken(user.id, { scopes: ["schema.bases:read"] });
    const res = await api("/v0/meta/syncs", { token: reader });
    expect(res.status).toBe(200);
    expect(res.json.syncs.map((s: { id: string }) => s.id)).toEqual([sync.id]);
  });
});

describe("DELETE /v0/meta/bases/{baseId}/syncs/{syncId}", () => {
  it("deletes the sync, its table, fields, records, payloads and runs; its URL stops working", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: CSV });
    const keep = await createConfiguredSync({ token, baseId: base.id, csv: CSV });
    const keepBefore = await recordsFingerprint(keep.tableId);
    expect(await liveRecords(sync.tableId)).toHaveLength(2);

    const res = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { method: "DELETE", token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: sync.id, deleted: true });

    expect(await countRows("records", "table_id", sync.tableId)).toBe(0);
    expect(await countRows("fields", "table_id", sync.tableId)).toBe(0);
    expect(await countRows("tables", "id", sync.tableId)).toBe(0);
    expect(await countRows("sync_runs", "sync_id", sync.id)).toBe(0);
    expect(await countRows("sync_payloads", "sync_id", sync.id)).toBe(0);
    expect((await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { token })).status).toBe(404);
    expect((await postCsv(sync.path, token, CSV)).status).toBe(404);
    expect((await api(`/v0/${base.id}/${sync.tableId}`, { token })).status).toBe(404);
    expect((await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { method: "DELETE", token })).status).toBe(404);
    // The other table of the base is untouched.
    expect(await recordsFingerprint(keep.tableId)).toBe(keepBefore);
  });

  it("discards a setup that never got a table", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await createSync(token, base.id, "Abandoned");
    expect((await postCsv(sync.path, token, CSV)).json.status).toBe("received");
    const res = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { method: "DELETE", token });
    expect(res.json).toEqual({ id: sync.id, deleted: true });
    expect(await countRows("sync_endpoints", "id", sync.id)).toBe(0);
    expect(await countRows("sync_payloads", "sync_id", sync.id)).toBe(0);
  });

  it("is refused below creator and without the write scopes, and changes nothing", async () => {
    const owner = await makeOwnerSetup();
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: CSV });
    const before = await recordsFingerprint(sync.tableId);
    const editor = await makeUser("editor");
    await grantBaseRole({ baseId: owner.base.id, userId: editor.id, role: "editor" });
    const { token: editorToken } = await makeToken(editor.id, { scopes: [...SCOPES] });
    const { token: readOnly } = await makeToken(owner.user.id, { scopes: ["schema.bases:read", "data.records:read"] });
    for (const token of [editorToken, readOnly]) {
      const res = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { method: "DELETE", token });
      expect(res.status).toBe(403);
      expect(res.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    }
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
    expect(await countRows("sync_endpoints", "id", sync.id)).toBe(1);
  });
});
