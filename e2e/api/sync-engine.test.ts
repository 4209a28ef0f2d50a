// The engine with an injected clock: "Sync now" called in-process at chosen times, to walk a
// tombstone through the retention window without waiting or editing timestamps.
import { describe, expect, it } from "vitest";
import { runSyncNow } from "@/lib/sync/run-now";
import { makeOwnerSetup, SYNC_SCOPES } from "../support/fixtures";
import { createConfiguredSync, csvOf, liveRecords, postCsv, tableRecords } from "../support/sync";

const DAY = 86_400_000;
const rows = (keys: string[]) => csvOf([["id", "v"], ...keys.map((k) => [k, `v${k}`])]);

describe("applying with an injected clock", () => {
  it("revives a key within its sync's retention window and gives it a new id after", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: SYNC_SCOPES });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: rows(["1", "2"]), config: { updateMethod: "manual", retentionDays: 7 } });
    const t0 = Date.now();
    const ids = Object.fromEntries((await liveRecords(sync.tableId)).map((r) => [r.key, r.id]));
    const at = (days: number) => new Date(t0 + days * DAY);

    await postCsv(sync.path, token, rows(["1"]));
    expect(await runSyncNow({ syncId: sync.id, now: at(1) })).toMatchObject({ status: "applied", deleted: 1, unchanged: 1 });
    const tombstone = (await tableRecords(sync.tableId, { withTombstones: true })).find((r) => r.key === "2");
    expect(tombstone?.deletedAt).toEqual(at(1));

    await postCsv(sync.path, token, rows(["1", "2"]));
    expect(await runSyncNow({ syncId: sync.id, now: at(7) })).toMatchObject({ created: 1, unchanged: 1 });
    expect((await liveRecords(sync.tableId)).map((r) => r.id)).toEqual([ids["1"], ids["2"]]);

    await postCsv(sync.path, token, rows(["1"]));
    await runSyncNow({ syncId: sync.id, now: at(8) });
    await postCsv(sync.path, token, rows(["1", "2"]));
    // 7 days and 1 ms after the deletion: past the window.
    expect(await runSyncNow({ syncId: sync.id, now: new Date(at(15).getTime() + 1) })).toMatchObject({ created: 1, unchanged: 1 });
    const all = await tableRecords(sync.tableId, { withTombstones: true });
    expect(all.map((r) => r.key)).toEqual(["1", "2"]);
    expect(all[0].id).toBe(ids["1"]);
    expect(all[1].id).not.toBe(ids["2"]);
    expect(all[1].deletedAt).toBeNull();
  });
});
