// A CSV sent again with nothing changed since the sync's latest applied run is answered from that
// run (lib/sync/engine/repeat.ts): same counts as unchanged rows, same problems, the CSV stored
// once. Anything that changed the table or what the CSV means in between makes it a full run.
import { beforeEach, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { api, makeOwnerSetup } from "../support/fixtures";
import { configureSync, createConfiguredSync, csvOf, postCsv } from "../support/sync";

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
beforeEach(async () => {
  owner = await makeOwnerSetup();
});

const HEADER = ["sku", "name", "price"];
// A duplicate key, an empty key and a price that is not a number: three problems.
const A = csvOf([HEADER, ["a", "Apple", "1"], ["b", "Banana", "two"], ["a", "Apricot", "3"], ["", "Nothing", "4"], ["c", "Cherry", "5"]]);
const B = csvOf([HEADER, ["a", "Apricot", "3"], ["c", "Cranberry", "5"], ["d", "Date", "6"]]);

async function runRow(runId: string) {
  const { rows } = await getPool().query(`SELECT payload_id, timings, problems, problem_count FROM sync_runs WHERE id = $1`, [runId]);
  return rows[0];
}

async function records(tableId: string) {
  const { rows } = await getPool().query(`SELECT id, key, cells, updated_at, deleted_at FROM records WHERE table_id = $1 ORDER BY key`, [tableId]);
  return rows;
}

const payloadCount = async (syncId: string) =>
  (await getPool().query(`SELECT count(*)::int AS n FROM sync_payloads WHERE sync_id = $1`, [syncId])).rows[0].n as number;

describe("a repeated CSV", () => {
  it("is answered from the latest applied run: unchanged rows, the same problems, the CSV stored once", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: B, config: { fields: [{ column: "price", type: "number" }] } });
    const first = await postCsv(sync.path, owner.token, A);
    expect(first.json).toMatchObject({ status: "applied", created: 1, updated: 1, deleted: 1, unchanged: 1, skipped: 1, problemCount: 3 });
    const before = await records(sync.tableId);
    const payloads = await payloadCount(sync.id);

    const again = await postCsv(sync.path, owner.token, A);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: "applied", rowsReceived: 5, created: 0, updated: 0, deleted: 0, unchanged: 3, skipped: 1, problemCount: 3 });
    const [full, repeat] = [await runRow(first.json.runId), await runRow(again.json.runId)];
    expect(repeat.timings.repeatMs).toEqual(expect.any(Number));
    expect(full.timings.repeatMs).toBeUndefined();
    expect(repeat.problems).toEqual(full.problems);
    expect(repeat.payload_id).toBe(full.payload_id);
    expect(await payloadCount(sync.id)).toBe(payloads);
    expect(await records(sync.tableId)).toEqual(before);

    // The status shows the CSV as received now.
    const status = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token: owner.token });
    expect(status.json.latestPayload.header).toEqual(HEADER);
  });

  it("is applied in full after an undo, a different CSV or a configuration change", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: B, config: { fields: [{ column: "price", type: "number" }] } });
    const full = (res: { json: { runId: string } }) => runRow(res.json.runId).then((r) => r.timings.repeatMs === undefined);

    // Undo of the run that applied A: the table is B again, so A changes it again.
    const applied = await postCsv(sync.path, owner.token, A);
    const undo = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}/runs/${applied.json.runId}/undo`, { method: "POST", token: owner.token });
    expect(undo.status, undo.text).toBe(200);
    const afterUndo = await postCsv(sync.path, owner.token, A);
    expect(afterUndo.json).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await full(afterUndo)).toBe(true);

    // A different CSV in between.
    await postCsv(sync.path, owner.token, B);
    const afterB = await postCsv(sync.path, owner.token, A);
    expect(afterB.json).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await full(afterB)).toBe(true);

    // The price column as text now: the configuration run applies A with it, after which A
    // again is a repeat, and its "two" is no longer a problem.
    const text = { ...sync.config, fields: sync.config.fields.map((f) => (f.column === "price" ? { column: "price", type: "singleLineText" } : f)) };
    const configured = await configureSync(owner.token, sync, text);
    expect(configured.status, configured.text).toBe(200);
    const afterConfig = await postCsv(sync.path, owner.token, A);
    expect(afterConfig.json).toMatchObject({ created: 0, updated: 0, unchanged: 3, problemCount: 2 });
    expect(await full(afterConfig)).toBe(false);
  });

  it("counts a dry run of it as unchanged and changes nothing", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: B });
    const before = await records(sync.tableId);
    const dry = await postCsv(`${sync.path}?dryRun=true`, owner.token, B);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ status: "dryRun", created: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(await records(sync.tableId)).toEqual(before);
  });
});
