// Crafted input that used to reach Postgres and come back as a 500: NUL characters in a table
// name or a search, and forged `offset` cursors. Each is a 422 with the contract's JSON now.
import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup, uniqueName } from "../support/fixtures";
import { seedTable } from "@/scripts/lib/seed-table";

async function setup() {
  const owner = await makeOwnerSetup();
  const seeded = await seedTable({
    baseId: owner.base.id,
    name: uniqueName("Items"),
    fields: [
      { name: "Name", type: "singleLineText" },
      { name: "Price", type: "number" },
    ],
    records: [
      { key: "a", cells: { Name: "Apple", Price: 1 } },
      { key: "b", cells: { Name: "Bean", Price: 2 } },
    ],
  });
  return { ...owner, ...seeded };
}

const forged = (payload: unknown) => encodeURIComponent(Buffer.from(JSON.stringify(payload), "utf8").toString("base64url"));

function expectInvalid(res: { status: number; json: { error?: { type?: string; message?: string } } }, param: RegExp) {
  expect(res.status).toBe(422);
  expect(res.json.error?.type).toBe("INVALID_REQUEST_UNKNOWN");
  expect(res.json.error?.message).toMatch(param);
}

describe("crafted input is refused with 422, never a 500", () => {
  it("refuses a NUL in the table name, on the read API and the CSV download", async () => {
    const t = await setup();
    expectInvalid(await api(`/v0/${t.base.id}/Items%00x`, { token: t.token }), /tableIdOrName/);
    expectInvalid(await api(`/v0/${t.base.id}/%00/csv`, { token: t.token }), /tableIdOrName/);
  });

  it("refuses a NUL in search", async () => {
    const t = await setup();
    expectInvalid(await api(`/v0/${t.base.id}/${t.tableId}?search=a%00b`, { token: t.token }), /search/);
    expectInvalid(await api(`/v0/${t.base.id}/${t.tableId}?search=%00`, { token: t.token }), /search/);
  });

  it("refuses forged offset cursors: a numeric overflow, a NUL, garbage", async () => {
    const t = await setup();
    const sortQ = "sort%5B0%5D%5Bfield%5D=Price";
    const first = await api(`/v0/${t.base.id}/${t.tableId}?${sortQ}&pageSize=1`, { token: t.token });
    expect(first.status).toBe(200);
    const real = JSON.parse(Buffer.from(decodeURIComponent(first.json.offset), "base64url").toString("utf8"));
    for (const payload of [
      { ...real, v: ["1e999999"] },
      { ...real, v: ["-1e400"] },
      { ...real, k: "a\u0000b" },
    ]) {
      expectInvalid(await api(`/v0/${t.base.id}/${t.tableId}?${sortQ}&offset=${forged(payload)}`, { token: t.token }), /offset/);
    }
    const plain = await api(`/v0/${t.base.id}/${t.tableId}?pageSize=1`, { token: t.token });
    const plainCursor = JSON.parse(Buffer.from(decodeURIComponent(plain.json.offset), "base64url").toString("utf8"));
    expectInvalid(await api(`/v0/${t.base.id}/${t.tableId}?offset=${forged({ ...plainCursor, k: "\u0000" })}`, { token: t.token }), /offset/);
    expectInvalid(await api(`/v0/${t.base.id}/${t.tableId}?offset=%00`, { token: t.token }), /offset/);
  });
});
