import { describe, expect, it } from "vitest";
import { api, grantBaseRole, makeOwnerSetup, makeToken, makeUser, uniqueName } from "../support/fixtures";
import { seedTable, type SeedRecord } from "@/scripts/lib/seed-table";

const FIELDS = [
  { name: "Name", type: "singleLineText" as const },
  { name: "Price", type: "currency" as const, options: { symbol: "$", precision: 2 } },
  { name: "Share", type: "percent" as const },
  { name: "Length", type: "duration" as const },
  { name: "Due", type: "date" as const },
  { name: "Email", type: "email" as const },
  { name: "Notes", type: "multilineText" as const },
];

async function setup(records: SeedRecord[]) {
  const owner = await makeOwnerSetup();
  const name = uniqueName("Items");
  const seeded = await seedTable({ baseId: owner.base.id, name, fields: FIELDS, records });
  const list = (query = "", token = owner.token) => api(`/v0/${owner.base.id}/${seeded.tableId}${query}`, { token });
  return { ...owner, ...seeded, tableName: name, list };
}

async function listAll(list: (q: string) => ReturnType<typeof api>, query: string) {
  const ids: string[] = [];
  const records: { id: string; fields: Record<string, unknown> }[] = [];
  let offset: string | undefined;
  for (let page = 0; page < 200; page++) {
    const res = await list(`?${query}${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`);
    expect(res.status).toBe(200);
    records.push(...res.json.records);
    ids.push(...res.json.records.map((r: { id: string }) => r.id));
    offset = res.json.offset;
    if (!offset) break;
  }
  return { ids, records };
}

describe("GET /v0/{baseId}/{tableIdOrName}", () => {
  it("answers Airtable's list shape with typed values and no empty cells", async () => {
    const t = await setup([
      { key: "a", cells: { Name: "Apple", Price: 1234.5, Share: 0.45, Length: 3900, Due: "2025-03-14", Email: "a@example.com" } },
      { key: "b", cells: { Name: "Bare" } },
      { key: "gone", cells: { Name: "Deleted" }, deleted: true },
    ]);
    const res = await t.list();
    expect(res.status).toBe(200);
    expect(res.json.offset).toBeUndefined();
    expect(res.json.records).toHaveLength(2);
    const apple = res.json.records.find((r: { fields: { Name: string } }) => r.fields.Name === "Apple");
    expect(apple).toEqual({
      id: expect.stringMatching(/^rec[A-Za-z0-9]{14}$/),
      createdTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      fields: { Name: "Apple", Price: 1234.5, Share: 0.45, Length: 3900, Due: "2025-03-14", Email: "a@example.com" },
    });
    const bare = res.json.records.find((r: { fields: { Name: string } }) => r.fields.Name === "Bare");
    expect(bare.fields).toEqual({ Name: "Bare" });
    // the table by name, case-insensitively
    const byName = await api(`/v0/${t.base.id}/${encodeURIComponent(t.tableName.toUpperCase())}`, { token: t.token });
    expect(byName.status).toBe(200);
    expect(byName.json.records).toHaveLength(2);
  });

  it("pages 100 records by default and refuses page sizes outside 1..100", async () => {
    const t = await setup(Array.from({ length: 150 }, (_, i) => ({ key: `k${i}`, cells: { Name: `n${i}` } })));
    const first = await t.list();
    expect(first.json.records).toHaveLength(100);
    expect(typeof first.json.offset).toBe("string");
    const small = await t.list("?pageSize=7");
    expect(small.json.records).toHaveLength(7);
    for (const bad of ["101", "0", "-1", "abc", "1.5", ""]) {
      const res = await t.list(`?pageSize=${bad}`);
      expect(res.status, `pageSize=${bad}`).toBe(422);
      expect(res.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
      expect(res.json.error.message).toContain("pageSize");
    }
  });

  it("pages through every record exactly once, in primary-key order, and refuses a bad offset", async () => {
    const keys = Array.from({ length: 1234 }, (_, i) => `k${String(i).padStart(4, "0")}`);
    const t = await setup([...keys].reverse().map((key) => ({ key, cells: { Name: `n-${key}` } })));
    const { ids } = await listAll(t.list, "pageSize=100");
    expect(ids).toHaveLength(1234);
    expect(new Set(ids).size).toBe(1234);
    expect(new Set(ids)).toEqual(new Set(t.recordIds));
    // Seeded in reverse, listed by key: the ids come back in the reverse of their seeding order.
    expect(ids).toEqual([...t.recordIds].reverse());
    for (const bad of ["garbage", "eyJ4IjoxfQ", Buffer.from('{"q":"x","v":[],"id":"rec"}').toString("base64url")]) {
      const res = await t.list(`?offset=${bad}`);
      expect(res.status, `offset=${bad}`).toBe(422);
      expect(res.json.error.message).toContain("offset");
    }
    // a cursor made for one sort is refused for another
    const sorted = await t.list("?pageSize=10&sort%5B0%5D%5Bfield%5D=Name");
    const other = await t.list(`?pageSize=10&offset=${encodeURIComponent(sorted.json.offset)}`);
    expect(other.status).toBe(422);
  });

  it("sorts typed, empty values last, and pages a sorted list without duplicates or gaps", async () => {
    const prices = [10, 2, -3, 1000.5, null, 2, 99.99, null, 0.5];
    const dues = ["2025-01-31", "2024-12-01", null, "2025-01-05", "2023-06-30", "2025-01-05", null, "2026-02-01", "2024-02-29"];
    const names = ["banana", "Apple", "cherry", "apple pie", null, "Zebra", "date", "Éclair", "b"];
    const t = await setup(
      prices.map((p, i) => ({
        key: `k${i}`,
        cells: Object.fromEntries(
          Object.entries({ Name: names[i], Price: p, Due: dues[i] }).filter((e): e is [string, string | number] => e[1] !== null),
        ),
      })),
    );
    const sortBy = async (field: string, direction: string, extra = "") => {
      const { records } = await listAll(t.list, `pageSize=2&sort[0][field]=${field}&sort[0][direction]=${direction}${extra}`);
      expect(records).toHaveLength(prices.length);
      expect(new Set(records.map((r) => r.id)).size).toBe(prices.length);
      return records.map((r) => r.fields[field] ?? null);
    };
    expect(await sortBy("Price", "asc")).toEqual([-3, 0.5, 2, 2, 10, 99.99, 1000.5, null, null]);
    expect(await sortBy("Price", "desc")).toEqual([1000.5, 99.99, 10, 2, 2, 0.5, -3, null, null]);
    expect(await sortBy("Due", "asc")).toEqual(["2023-06-30", "2024-02-29", "2024-12-01", "2025-01-05", "2025-01-05", "2025-01-31", "2026-02-01", null, null]);
    expect(await sortBy("Due", "desc")).toEqual(["2026-02-01", "2025-01-31", "2025-01-05", "2025-01-05", "2024-12-01", "2024-02-29", "2023-06-30", null, null]);
    const byName = await sortBy("Name", "asc");
    expect(byName.slice(0, 3)).toEqual(["Apple", "apple pie", "b"]);
    expect(byName.at(-1)).toBeNull();
    const res = await t.list("?sort[0][field]=Nope");
    expect(res.status).toBe(422);
    expect((await t.list("?sort[0][field]=Price&sort[0][direction]=up")).status).toBe(422);
  });

  it("limits fields with fields[] and narrows rows with search across text fields", async () => {
    const t = await setup([
      { key: "1", cells: { Name: "Red apple", Price: 3, Email: "x@example.com" } },
      { key: "2", cells: { Name: "Green pear", Notes: "crisp\nAPPLE-like" } },
      { key: "3", cells: { Name: "Plum 100%", Email: "apple@fruit.test" } },
      { key: "4", cells: { Name: "Fig", Price: 100 } },
    ]);
    const limited = await t.list("?fields[]=Name&fields%5B%5D=Price");
    expect(limited.status).toBe(200);
    for (const r of limited.json.records) expect(Object.keys(r.fields).every((k) => k === "Name" || k === "Price")).toBe(true);
    expect((await t.list("?fields[]=Unknown")).status).toBe(422);

    const names = async (q: string) => (await t.list(q)).json.records.map((r: { fields: { Name: string } }) => r.fields.Name).sort();
    expect(await names("?search=APPLE")).toEqual(["Green pear", "Plum 100%", "Red apple"]);
    expect(await names("?search=100%25")).toEqual(["Plum 100%"]); // % is literal, numbers are not searched
    expect(await names("?search=_")).toEqual([]);
    expect(await names("?search=")).toHaveLength(4);
  });

  it("refuses without a token (401), without scope or access (403), and an unknown table (404)", async () => {
    const t = await setup([{ key: "1", cells: { Name: "x" } }]);
    expect((await t.list("", "")).status).toBe(401);
    const writeOnly = await makeToken(t.user.id, { scopes: ["data.records:write"], baseIds: [t.base.id] });
    const noScope = await t.list("", writeOnly.token);
    expect(noScope.status).toBe(403);
    expect(noScope.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");

    const stranger = await makeUser("stranger");
    const strangerToken = await makeToken(stranger.id, { scopes: ["data.records:read"] });
    expect((await t.list("", strangerToken.token)).status).toBe(403);

    const reader = await makeUser("reader");
    await grantBaseRole({ baseId: t.base.id, userId: reader.id, role: "read" });
    const readerToken = await makeToken(reader.id, { scopes: ["data.records:read"], baseIds: [t.base.id] });
    expect((await t.list("", readerToken.token)).status).toBe(200);

    const missing = await api(`/v0/${t.base.id}/tblNoSuchTable00000`, { token: t.token });
    expect(missing.status).toBe(404);
    expect(missing.json.error.type).toBe("NOT_FOUND");
    const otherBase = await api(`/v0/appNoSuchBase000000/${t.tableId}`, { token: t.token });
    expect(otherBase.status).toBe(403);
    const write = await api(`/v0/${t.base.id}/${t.tableId}`, { method: "POST", token: t.token, json: { records: [] } });
    expect(write.status).toBe(403);
    expect(write.json.error.type).toBe("INVALID_PERMISSIONS");
  });
});
