// Contract "Safety": change lists (GET …/runs/{runId}/changes) and undo (POST …/runs/{runId}/undo).
import { beforeEach, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { api, makeOwnerSetup } from "../support/fixtures";
import { createConfiguredSync, csvOf, postCsv, syncRuns } from "../support/sync";

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
// A base per test: each stays well inside the base's rate limit.
beforeEach(async () => {
  owner = await makeOwnerSetup();
});

// Everything about a table: every record row (tombstones too) in full, and its fields.
async function snapshot(tableId: string) {
  const pool = getPool();
  const records = await pool.query(
    `SELECT id, key, cells, created_at, updated_at, deleted_at FROM records WHERE table_id = $1 ORDER BY key`,
    [tableId],
  );
  const fields = await pool.query(`SELECT id, name, type, "column", slot FROM fields WHERE table_id = $1 ORDER BY slot`, [tableId]);
  return { records: records.rows, fields: fields.rows };
}

const meta = (sync: { id: string }) => `/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`;

describe("change lists and undo", () => {
  it("lists what each run changed and undoes the last three runs in order, restoring ids, cells and tombstones exactly", async () => {
    const sync = await createConfiguredSync({
      token: owner.token,
      baseId: owner.base.id,
      csv: csvOf([["sku", "name", "price"], ["a", "Apple", "1"], ["b", "Banana", "2"], ["c", "Cherry", "3"], ["d", "Date", "4"]]),
      config: { fields: [{ column: "price", type: "number" }] },
    });
    const s0 = await snapshot(sync.tableId);

    // Run 1: b changes, d deleted, e new.
    const r1 = await postCsv(sync.path, owner.token, csvOf([["sku", "name", "price"], ["a", "Apple", "1"], ["b", "Blueberry", "2.5"], ["c", "Cherry", "3"], ["e", "Elder", "5"]]));
    expect(r1.json).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 2 });
    const s1 = await snapshot(sync.tableId);
    // Run 2: d returns from its tombstone (same id), a deleted, c changes.
    const r2 = await postCsv(sync.path, owner.token, csvOf([["sku", "name", "price"], ["b", "Blueberry", "2.5"], ["c", "Cranberry", "3"], ["d", "Date", "4"], ["e", "Elder", "5"]]));
    expect(r2.json).toMatchObject({ created: 1, updated: 1, deleted: 1 });
    const s2 = await snapshot(sync.tableId);
    // Run 3: a new column becomes a field; f new; everything else unchanged.
    const r3 = await postCsv(sync.path, owner.token, csvOf([["sku", "name", "price", "color"], ["b", "Blueberry", "2.5", ""], ["c", "Cranberry", "3", ""], ["d", "Date", "4", ""], ["e", "Elder", "5", ""], ["f", "Fig", "6", "purple"]]));
    expect(r3.json).toMatchObject({ created: 1, updated: 0, deleted: 0 });

    const changes = await api(`${meta(sync)}/runs/${r2.json.runId}/changes`, { token: owner.token });
    expect(changes.status, changes.text).toBe(200);
    expect(changes.json).toMatchObject({ runId: r2.json.runId, kept: true, undoneBy: null, total: 3 });
    expect(changes.json.changes).toEqual([
      { kind: "created", key: "d", recordId: s0.records.find((r) => r.key === "d").id, revived: true, fields: expect.any(Array) },
      { kind: "updated", key: "c", recordId: s0.records.find((r) => r.key === "c").id, fields: [{ fieldId: expect.stringMatching(/^fld/), field: "name", old: "Cherry", new: "Cranberry" }] },
      { kind: "deleted", key: "a" },
    ]);
    const page = await api(`${meta(sync)}/runs/${r1.json.runId}/changes?pageSize=2`, { token: owner.token });
    expect(page.json).toMatchObject({ total: 3, offset: "2", changes: [{ kind: "created", key: "e" }, { kind: "updated", key: "b" }] });
    const rest = await api(`${meta(sync)}/runs/${r1.json.runId}/changes?pageSize=2&offset=2`, { token: owner.token });
    expect(rest.json).toMatchObject({ total: 3, changes: [{ kind: "deleted", key: "d" }] });
    expect(rest.json.offset).toBeUndefined();
    const updatedB = page.json.changes[1].fields.map((f: { field: string }) => f.field).sort();
    expect(updatedB).toEqual(["name", "price"]);
    const searched = await api(`${meta(sync)}/runs/${r1.json.runId}/changes?search=E`, { token: owner.token });
    expect(searched.json.changes).toEqual([{ kind: "created", key: "e" }]);

    // Only the latest applied run can be undone.
    const early = await api(`${meta(sync)}/runs/${r1.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(early.status).toBe(422);
    expect(early.json.error.message).toMatch(new RegExp(`undo run ${r3.json.runId} first`));

    const u3 = await api(`${meta(sync)}/runs/${r3.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(u3.status, u3.text).toBe(200);
    expect(u3.json).toMatchObject({ trigger: "undo", status: "applied", deleted: 1 });
    expect(await snapshot(sync.tableId)).toEqual(s2);
    const status = await api(meta(sync), { token: owner.token });
    expect(status.json.config.fields.map((f: { column: string }) => f.column)).toEqual(["sku", "name", "price"]);

    const again = await api(`${meta(sync)}/runs/${r3.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(again.json.error.message).toMatch(/already undone/);
    const u2 = await api(`${meta(sync)}/runs/${r2.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(u2.json).toMatchObject({ trigger: "undo", created: 1, updated: 1, deleted: 1 });
    expect(await snapshot(sync.tableId)).toEqual(s1);
    const u1 = await api(`${meta(sync)}/runs/${r1.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(u1.json).toMatchObject({ trigger: "undo", created: 1, updated: 1, deleted: 1 });
    expect(await snapshot(sync.tableId)).toEqual(s0);
    expect((await api(`${meta(sync)}/runs/${r1.json.runId}/changes`, { token: owner.token })).json.undoneBy).toBe(u1.json.id);

    // The next sync after the undos works from the restored state.
    const after = await postCsv(sync.path, owner.token, csvOf([["sku", "name", "price"], ["a", "Apple", "1"], ["b", "Blueberry", "2.5"], ["c", "Cherry", "3"], ["d", "Date", "4"]]));
    expect(after.json).toMatchObject({ created: 0, updated: 1, deleted: 0, unchanged: 3 });
    const runs = await syncRuns(owner.token, sync);
    expect(runs.filter((r: { trigger: string }) => r.trigger === "undo")).toHaveLength(3);
  });

  it("undoes a first sync, and refuses runs that changed nothing or a configuration", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvOf([["id", "n"], ["1", "x"], ["2", "y"]]) });
    const [setup] = await syncRuns(owner.token, sync);
    expect(setup.trigger).toBe("setup");
    const failed = await postCsv(sync.path, owner.token, "n\nx\n");
    expect(failed.status).toBe(422);
    const [failedRun] = await syncRuns(owner.token, sync);
    const refused = await api(`${meta(sync)}/runs/${failedRun.id}/undo`, { method: "POST", token: owner.token });
    expect(refused.json.error.message).toMatch(/changed nothing/);
    const unknown = await api(`${meta(sync)}/runs/runAAAAAAAAAAAAAA/undo`, { method: "POST", token: owner.token });
    expect(unknown.status).toBe(404);
    const undone = await api(`${meta(sync)}/runs/${setup.id}/undo`, { method: "POST", token: owner.token });
    expect(undone.json).toMatchObject({ trigger: "undo", deleted: 2 });
    expect((await snapshot(sync.tableId)).records).toEqual([]);
  });

  it("keeps change lists for the latest 10 applied runs only", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvOf([["id", "n"], ["1", "0"]]) });
    const ids: string[] = [];
    for (let i = 1; i <= 11; i++) ids.push((await postCsv(sync.path, owner.token, csvOf([["id", "n"], ["1", String(i)]]))).json.runId);
    const { rows } = await getPool().query(`SELECT run_id FROM sync_run_changes WHERE sync_id = $1`, [sync.id]);
    expect(rows.map((r) => r.run_id).sort()).toEqual(ids.slice(1).sort());
    const { rows: updates } = await getPool().query(`SELECT DISTINCT run_id FROM sync_run_updates WHERE sync_id = $1`, [sync.id]);
    expect(updates.map((r) => r.run_id).sort()).toEqual(ids.slice(1).sort());
    const gone = await api(`${meta(sync)}/runs/${ids[0]}/changes`, { token: owner.token });
    expect(gone.json).toMatchObject({ kept: false, changes: [] });
  });
});
