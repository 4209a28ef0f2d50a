// Contract "Safety": the deletion safeguard, allowMassDeletion, and dry runs.
import { beforeEach, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { api, makeOwnerSetup } from "../support/fixtures";
import { configureSync, createConfiguredSync, createSync, csvOf, liveRecords, postCsv, recordsFingerprint, syncRuns } from "../support/sync";

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
// A base per test: each stays well inside the base's rate limit.
beforeEach(async () => {
  owner = await makeOwnerSetup();
});

const rows = (n: number, version = "a") => Array.from({ length: n }, (_, i) => [`k${String(i + 1).padStart(3, "0")}`, `${version}${i + 1}`]);
const csvWith = (n: number, version?: string) => csvOf([["id", "name"], ...rows(n, version)]);

// What the database holds for a sync besides its records: runs and payloads.
async function stored(syncId: string) {
  const { rows } = await getPool().query(
    `SELECT (SELECT count(*) FROM sync_runs WHERE sync_id = $1)::int AS runs, (SELECT count(*) FROM sync_payloads WHERE sync_id = $1)::int AS payloads,
            (SELECT count(*) FROM sync_run_changes WHERE sync_id = $1)::int AS changes, (SELECT config::text FROM sync_endpoints WHERE id = $1) AS config`,
    [syncId],
  );
  return rows[0];
}

describe("deletion safeguard", () => {
  it("refuses a header-only request (curl --data) with the delete policy, keeping every record", async () => {
    const csv = csvOf([["id", "name", "city"], ["1", "Ada", "London"], ["2", "Grace", "Arlington"], ["3", "Alan", "Wilmslow"]]);
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv });
    const before = await recordsFingerprint(sync.tableId);
    const fieldsBefore = await getPool().query(`SELECT count(*)::int AS n FROM fields WHERE table_id = $1`, [sync.tableId]);
    // What `curl --data @file.csv` sends: the file without its line breaks, one header line.
    const res = await postCsv(sync.path, owner.token, csv.replace(/[\r\n]/g, ""));
    expect(res.status, res.text).toBe(422);
    expect(res.json.error.type).toBe("DELETION_SAFEGUARD");
    expect(res.json.error.message).toMatch(/no data rows.*delete all 3 records.*--data-binary.*allowMassDeletion=true/);
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM fields WHERE table_id = $1`, [sync.tableId])).rows[0].n).toBe(fieldsBefore.rows[0].n);
    const [last] = await syncRuns(owner.token, sync);
    expect(last).toMatchObject({ status: "failed", trigger: "api", error: expect.stringMatching(/Deletion safeguard/) });
  });

  it("lets a header-only request through with deletion keep, and into an empty table", async () => {
    const keep = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(3), config: { deletion: "keep" } });
    const res = await postCsv(keep.path, owner.token, "id,name\n");
    expect(res.status, res.text).toBe(200);
    expect(await liveRecords(keep.tableId)).toHaveLength(3);
  });

  it("refuses more than maxDeletePercent and allows exactly it, on both sides of the threshold", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(20), config: { maxDeletePercent: 25 } });
    expect((await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token: owner.token })).json.config.maxDeletePercent).toBe(25);
    const before = await recordsFingerprint(sync.tableId);
    const over = await postCsv(sync.path, owner.token, csvWith(14)); // deletes 6 of 20 = 30 %
    expect(over.status, over.text).toBe(422);
    expect(over.json.error).toMatchObject({ type: "DELETION_SAFEGUARD", message: expect.stringMatching(/delete 6 records of 20 \(30 %\), more than the 25 %/) });
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
    const at = await postCsv(sync.path, owner.token, csvWith(15)); // 5 of 20 = 25 %
    expect(at.status, at.text).toBe(200);
    expect(at.json).toMatchObject({ status: "applied", deleted: 5 });
    expect(await liveRecords(sync.tableId)).toHaveLength(15);
  });

  it("allowMassDeletion=true lifts both checks for one request only", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(10), config: { maxDeletePercent: 10 } });
    expect((await postCsv(sync.path, owner.token, csvWith(5))).status).toBe(422);
    const allowed = await postCsv(`${sync.path}?allowMassDeletion=true`, owner.token, csvWith(5));
    expect(allowed.json).toMatchObject({ status: "applied", deleted: 5 });
    expect((await postCsv(sync.path, owner.token, "id,name\n")).status).toBe(422);
    const wiped = await postCsv(`${sync.path}?allowMassDeletion=true`, owner.token, "id,name\n");
    expect(wiped.json).toMatchObject({ status: "applied", deleted: 5 });
    expect(await liveRecords(sync.tableId)).toHaveLength(0);
    const bad = await postCsv(`${sync.path}?allowMassDeletion=yes`, owner.token, csvWith(5));
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/^allowMassDeletion/);
  });

  it("applies to Sync now, and the configuration can turn the percentage off", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(10), config: { updateMethod: "manual" } });
    await postCsv(sync.path, owner.token, "id,name\n");
    const run = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}/run`, { method: "POST", token: owner.token });
    expect(run.status, run.text).toBe(422);
    expect(run.json.error.type).toBe("DELETION_SAFEGUARD");
    expect(await liveRecords(sync.tableId)).toHaveLength(10);
    const invalid = await configureSync(owner.token, sync, { ...sync.config, maxDeletePercent: 0 });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.message).toMatch(/maxDeletePercent/);
  });
});

describe("dry run", () => {
  it("answers a real run's counts and sample keys, and stores and changes nothing", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(20) });
    // k001–k004 deleted, k005–k007 changed, k021–k022 new, a row with an empty key skipped.
    const next = csvOf([["id", "name"], ...rows(20).slice(4).map(([k, v], i) => [k, i < 3 ? `${v}!` : v]), ["k021", "n"], ["k022", "n"], ["", "x"]]);
    const records = await recordsFingerprint(sync.tableId);
    const state = await stored(sync.id);
    const dry = await postCsv(`${sync.path}?dryRun=true`, owner.token, next);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({
      success: true,
      status: "dryRun",
      created: 2,
      updated: 3,
      deleted: 4,
      unchanged: 13,
      skipped: 1,
      sample: { created: ["k021", "k022"], updated: ["k005", "k006", "k007"], deleted: ["k001", "k002", "k003", "k004"] },
    });
    expect(dry.json.runId).toBeUndefined();
    expect(await recordsFingerprint(sync.tableId)).toBe(records);
    expect(await stored(sync.id)).toEqual(state);

    const real = await postCsv(sync.path, owner.token, next);
    const counts = (j: Record<string, unknown>) => ({ ...j, success: undefined, status: undefined, runId: undefined, sample: undefined });
    expect(counts(real.json)).toEqual(counts(dry.json));
  });

  it("answers the real answer's errors, a refusal by the safeguard included, without recording a run", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(5) });
    const state = await stored(sync.id);
    const invalid = await postCsv(`${sync.path}?dryRun=true`, owner.token, "name\nx\n");
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.type).toBe("INVALID_CSV");
    const refused = await postCsv(`${sync.path}?dryRun=true`, owner.token, "id,name\n");
    expect(refused.json.error.type).toBe("DELETION_SAFEGUARD");
    const allowed = await postCsv(`${sync.path}?dryRun=true&allowMassDeletion=true`, owner.token, "id,name\n");
    expect(allowed.json).toMatchObject({ status: "dryRun", deleted: 5 });
    expect(await stored(sync.id)).toEqual(state);
    expect(await liveRecords(sync.tableId)).toHaveLength(5);
  });

  it("plans a manual sync as Sync now would, and only validates while the sync is being set up", async () => {
    const manual = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csvWith(5), config: { updateMethod: "manual" } });
    const state = await stored(manual.id);
    const dry = await postCsv(`${manual.path}?dryRun=true`, owner.token, csvWith(6));
    expect(dry.json).toMatchObject({ status: "dryRun", created: 1, unchanged: 5, sample: { created: ["k006"] } });
    expect(await stored(manual.id)).toEqual(state);

    const fresh = await createSync(owner.token, owner.base.id);
    const setup = await postCsv(`${fresh.path}?dryRun=true`, owner.token, csvWith(4));
    expect(setup.json).toMatchObject({ status: "dryRun", rowsReceived: 4, created: 0, sample: { created: [], updated: [], deleted: [] } });
    const status = await api(`/v0/meta/bases/${owner.base.id}/syncs/${fresh.id}`, { token: owner.token });
    expect(status.json).toMatchObject({ status: "waiting", latestPayload: null });
    expect(await stored(fresh.id)).toMatchObject({ runs: 0, payloads: 0 });
  });
});

describe("configuration dry run and refusals in the status", () => {
  it("says what a configuration change would do, saving nothing", async () => {
    const csv = csvOf([["iata", "name", "price"], ["AAA", "Alpha", "1"], ["BBB", "Beta", "x"], ["CCC", "Gamma", "3"]]);
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv });
    const before = await recordsFingerprint(sync.tableId);
    const state = await stored(sync.id);
    const rekey = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}?dryRun=true`, { method: "PUT", token: owner.token, json: { ...sync.config, primaryKey: "name" } });
    expect(rekey.status, rekey.text).toBe(200);
    expect(rekey.json).toMatchObject({ dryRun: true, reapplies: true, rebuild: true, liveRecords: 3, run: { created: 3 } });
    const retype = { ...sync.config, fields: sync.config.fields.map((f) => (f.column === "price" ? { column: "price", type: "currency" } : f)) };
    const typed = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}?dryRun=true`, { method: "PUT", token: owner.token, json: retype });
    expect(typed.json).toMatchObject({ reapplies: true, rebuild: false, run: { updated: 3, problemCount: 1, problemsByColumn: { price: 1 } } });
    const renamed = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}?dryRun=true`, { method: "PUT", token: owner.token, json: { ...sync.config, tableName: "Renamed" } });
    expect(renamed.json).toEqual({ dryRun: true, reapplies: false, rebuild: false, liveRecords: 3, run: null });
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
    expect(await stored(sync.id)).toEqual(state);
  });

  it("keeps the latest refused requests of a sync for the Set up step", async () => {
    const sync = await createSync(owner.token, owner.base.id);
    await postCsv(sync.path, owner.token, "id,name\n1,a\n", "text/plain");
    await postCsv(sync.path, owner.token, "id,id\n1,a\n");
    const status = await api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token: owner.token });
    expect(status.json.recentRefusals).toEqual([
      { at: expect.any(String), status: 422, type: "INVALID_CSV", message: expect.any(String) },
      { at: expect.any(String), status: 415, type: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringMatching(/Content-Type: text\/csv/) },
    ]);
  });
});
