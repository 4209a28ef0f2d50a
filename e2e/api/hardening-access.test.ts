// Who sees the data a sync received: record data (sample rows, values quoted in run problems)
// needs `data.records:read`; columns a "specific fields" sync ignores are never shown with
// values after setup, and readers below creator do not even see their names.
import { describe, expect, it } from "vitest";
import { api, grantBaseRole, makeOwnerSetup, makeToken, makeUser } from "../support/fixtures";
import { createConfiguredSync, csvOf, syncRuns } from "../support/sync";

const SECRET = "hush-4711";
const CSV = csvOf([
  ["SKU", "Price", "Salary"],
  ["A-1", "12.5", SECRET],
  ["A-2", "not-a-price-0815", SECRET],
]);

async function setup() {
  const owner = await makeOwnerSetup();
  const sync = await createConfiguredSync({
    token: owner.token,
    baseId: owner.base.id,
    csv: CSV,
    config: { fieldSelection: "specific", fields: [{ column: "SKU", type: "singleLineText" }, { column: "Price", type: "number" }] },
  });
  const status = (token: string) => api(`/v0/meta/bases/${owner.base.id}/syncs/${sync.id}`, { token });
  return { ...owner, sync, status };
}

describe("sync status and runs show record data only to those who may read records", () => {
  it("gives a schema-only token the header and counts, no CSV rows and no problem values", async () => {
    const t = await setup();
    const { token } = await makeToken(t.user.id, { scopes: ["schema.bases:read"], baseIds: [t.base.id] });
    const res = await t.status(token);
    expect(res.status).toBe(200);
    expect(res.json.latestPayload.rowCount).toBe(2);
    expect(res.json.latestPayload.sampleRows).toEqual([]);
    expect(res.json.lastRun.problemCount).toBe(1);
    expect(res.json.lastRun.problems[0]).toMatchObject({ row: 2, column: "Price", value: "" });
    expect(res.text).not.toContain("A-2");
    expect(res.text).not.toContain("0815");
    const runs = await syncRuns(token, t.sync);
    expect(runs[0].problems).toEqual([expect.objectContaining({ column: "Price", value: "" })]);
    expect(JSON.stringify(runs)).not.toContain("0815");
  });

  it("shows a records reader the selected columns' values but never the ignored column", async () => {
    const t = await setup();
    const reader = await makeUser("reader");
    await grantBaseRole({ baseId: t.base.id, userId: reader.id, role: "read" });
    const { token } = await makeToken(reader.id, { scopes: ["schema.bases:read", "data.records:read"], baseIds: [t.base.id] });
    const res = await t.status(token);
    expect(res.status).toBe(200);
    expect(res.json.latestPayload.header).toEqual(["SKU", "Price"]);
    expect(res.json.latestPayload.sampleRows).toEqual([
      ["A-1", "12.5"],
      ["A-2", "not-a-price-0815"],
    ]);
    expect(res.json.lastRun.problems[0].value).toBe("not-a-price-0815");
    expect(res.text).not.toContain("Salary");
    expect(res.text).not.toContain(SECRET);
  });

  it("keeps the ignored column's name for whoever configures the sync, without its values", async () => {
    const t = await setup();
    const res = await t.status(t.token);
    expect(res.json.latestPayload.header).toEqual(["SKU", "Price", "Salary"]);
    expect(res.json.latestPayload.sampleRows).toEqual([
      ["A-1", "12.5", ""],
      ["A-2", "not-a-price-0815", ""],
    ]);
    expect(res.text).not.toContain(SECRET);
  });
});
