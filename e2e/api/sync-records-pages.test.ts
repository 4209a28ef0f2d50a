// A re-sync's rewritten records stay on their pages: `records` keeps room on each page
// (fillfactor 85, migration 20261202180000_records_fillfactor), so a changed record's new version
// is written beside the old one without a new primary-key entry (a HOT update). Without that room
// a table filled by its first sync has full pages, and every rewritten record moves to another.
import { beforeEach, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { makeOwnerSetup } from "../support/fixtures";
import { createConfiguredSync, csvOf, postCsv } from "../support/sync";

let owner: Awaited<ReturnType<typeof makeOwnerSetup>>;
beforeEach(async () => {
  owner = await makeOwnerSetup();
});

const ROWS = 400;
const key = (i: number) => `SKU-${String(i).padStart(4, "0")}`;
const text = (i: number, version: string) => `${version} ${i} ${"a product description of ordinary length ".repeat(3)}`;
const csv = (changed: (i: number) => boolean) =>
  csvOf([["sku", "name"], ...Array.from({ length: ROWS }, (_, i) => [key(i), text(i, changed(i) ? "v2" : "v1")])]);

// Each record's heap page (the block number of its ctid), by key.
async function pages(tableId: string): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ key: string; page: number }>(
    `SELECT key, (ctid::text::point)[0]::int AS page FROM records WHERE table_id = $1`,
    [tableId],
  );
  return new Map(rows.map((r) => [r.key, r.page]));
}

describe("records' pages", () => {
  it("keep a re-sync's rewritten records where they were", async () => {
    const sync = await createConfiguredSync({ token: owner.token, baseId: owner.base.id, csv: csv(() => false) });
    const before = await pages(sync.tableId);
    expect(before.size).toBe(ROWS);
    expect(new Set(before.values()).size).toBeGreaterThan(5); // the records fill several pages

    const changed = (i: number) => i % 20 === 7;
    const res = await postCsv(sync.path, owner.token, csv(changed));
    expect(res.json).toMatchObject({ status: "applied", updated: ROWS / 20, unchanged: ROWS - ROWS / 20 });
    const after = await pages(sync.tableId);
    const moved = Array.from({ length: ROWS }, (_, i) => key(i)).filter((k, i) => changed(i) && after.get(k) !== before.get(k));
    expect(moved).toEqual([]);
  });
});
