// Runs on one table are serialised: 20 parallel syncs of different CSVs leave exactly the records
// of one of them, with no duplicates and no deadlock.
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { readPayloadBody } from "@/lib/data/sync-payloads";
import { makeOwnerSetup, SCOPES } from "../support/fixtures";
import { createConfiguredSync, csvOf, liveRecords, postCsv, syncRuns } from "../support/sync";

describe("20 parallel syncs of one table", () => {
  it("leave exactly the records of one CSV", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: [...SCOPES] });
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "v"], ["seed", "0"]]) });
    // The setup request counted against the base; the 20 below are exactly its limit.
    await getPool().query(`DELETE FROM rate_limit_events WHERE bucket = $1`, [`sync:${base.id}`]);

    // Every CSV shares keys s0…s49 (with its own values) and has 50 keys of its own.
    const csvs = Array.from({ length: 20 }, (_, i) =>
      csvOf([
        ["id", "v"],
        ...Array.from({ length: 50 }, (_, j) => [`s${j}`, `csv${i}`]),
        ...Array.from({ length: 50 }, (_, j) => [`c${i}-${j}`, `csv${i}`]),
      ]),
    );
    const responses = await Promise.all(csvs.map((csv) => postCsv(sync.path, token, csv)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(responses.every((r) => r.json.status === "applied")).toBe(true);

    const records = await liveRecords(sync.tableId);
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
    const winners = new Set(records.map((r) => r.fields.v));
    expect(winners.size).toBe(1);
    const winner = Number(String([...winners][0]).slice(3));
    const expected = [...Array.from({ length: 50 }, (_, j) => `s${j}`), ...Array.from({ length: 50 }, (_, j) => `c${winner}-${j}`)].sort();
    expect(records.map((r) => r.key).sort()).toEqual(expected);

    // The last run to commit is the winner, and every run was applied.
    const runs = await syncRuns(token, sync);
    expect(runs.filter((r: { status: string }) => r.status === "applied")).toHaveLength(21);
    const { rows } = await getPool().query(
      `SELECT payload_id FROM sync_runs WHERE sync_id = $1 AND status = 'applied' ORDER BY finished_at DESC LIMIT 1`,
      [sync.id],
    );
    expect(await readPayloadBody(getPool(), rows[0].payload_id)).toBe(csvs[winner]);
  });
});
