// The Airtable-compatible read API over plain HTTP: every list option, one record, listRecords by
// POST, writes refused, JSON errors everywhere, and the per-base read rate limit.
import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup, makeToken } from "../support/fixtures";
import { seedTable } from "@/scripts/lib/seed-table";

const FIELDS = [
  { name: "SKU", type: "singleLineText" as const },
  { name: "Price", type: "currency" as const, options: { symbol: "$", precision: 2 } },
  { name: "Share", type: "percent" as const, options: { precision: 0 } },
  { name: "Length", type: "duration" as const, options: { durationFormat: "h:mm" as const } },
  { name: "Due", type: "date" as const, options: { dateFormat: "us" as const } },
  { name: "Qty", type: "number" as const, options: { precision: 0 } },
];

async function setup(count = 12) {
  const owner = await makeOwnerSetup();
  const records = Array.from({ length: count }, (_, i) => ({
    key: `SKU-${String(i).padStart(4, "0")}`,
    cells: {
      SKU: `SKU-${String(i).padStart(4, "0")}`,
      Price: 1000 + i * 117.25,
      Share: i / 20,
      Length: 5400 + i * 60,
      Due: `2026-11-${String(10 + i).padStart(2, "0")}`,
      ...(i % 3 === 0 ? {} : { Qty: i }),
    },
  }));
  const seeded = await seedTable({ baseId: owner.base.id, name: `Stock ${Date.now()}`, fields: FIELDS, records });
  const path = `/v0/${owner.base.id}/${seeded.tableId}`;
  const get = (query = "") => api(`${path}${query}`, { token: owner.token });
  return { ...owner, ...seeded, path, get };
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const skus = (res: { json: { records: { fields: { SKU: string } }[] } }) => res.json.records.map((r) => r.fields.SKU);

describe("filterByFormula", () => {
  it("finds by key and acts on the right record (the issue's example)", async () => {
    const t = await setup();
    const res = await t.get(q({ filterByFormula: "{SKU}='SKU-0007'" }));
    expect(res.status).toBe(200);
    expect(skus(res)).toEqual(["SKU-0007"]);
  });

  it("combines with sort, fields and paging; the offset belongs to its formula", async () => {
    const t = await setup();
    const params = { filterByFormula: "AND({Qty} > 2, MOD({Qty}, 2) = 0)", "sort[0][field]": "Price", "sort[0][direction]": "desc", "fields[]": "SKU", pageSize: "2" };
    const first = await t.get(q(params));
    expect(skus(first)).toEqual(["SKU-0010", "SKU-0008"]);
    expect(Object.keys(first.json.records[0].fields)).toEqual(["SKU"]);
    const second = await t.get(q({ ...params, offset: first.json.offset }));
    expect(skus(second)).toEqual(["SKU-0004"]);
    expect(second.json.offset).toBeUndefined();
    const other = await t.get(q({ ...params, filterByFormula: "{Qty} > 0", offset: first.json.offset }));
    expect(other.status).toBe(422);
  });

  it("refuses a malformed or unsupported formula with 422 and the position, never ignores it", async () => {
    const t = await setup();
    for (const [formula, fragment] of [
      ["{SKU} = ", "The formula ends too early at character 9"],
      ["{Nope} = 1", "Unknown field name {Nope} at character 1"],
      ["ARRAYJOIN({SKU})", "Unknown or unsupported function ARRAYJOIN() at character 1"],
      ["AND({Qty} > 1", 'Expected "," or ")" in AND(…) but found end of formula at character 14'],
    ]) {
      const res = await t.get(q({ filterByFormula: formula }));
      expect(res.status, formula).toBe(422);
      expect(res.json.error.type).toBe("INVALID_FILTER_BY_FORMULA");
      expect(res.json.error.message).toContain(fragment);
    }
  });

  it("answers a formula that fails on a record (a regex Postgres refuses) with 422, not 500", async () => {
    const t = await setup(2);
    const res = await t.get(q({ filterByFormula: "REGEX_MATCH({SKU}, {SKU} & '(')" }));
    expect(res.status).toBe(422);
    expect(res.json.error.type).toBe("INVALID_FILTER_BY_FORMULA");
  });
});

describe("list options", () => {
  it("maxRecords caps the listing across pages", async () => {
    const t = await setup();
    const first = await t.get(q({ maxRecords: "5", pageSize: "3" }));
    expect(skus(first)).toEqual(["SKU-0000", "SKU-0001", "SKU-0002"]);
    const second = await t.get(q({ maxRecords: "5", pageSize: "3", offset: first.json.offset }));
    expect(skus(second)).toEqual(["SKU-0003", "SKU-0004"]);
    expect(second.json.offset).toBeUndefined();
    expect(skus(await t.get(q({ maxRecords: "3" })))).toHaveLength(3);
    for (const bad of ["0", "-1", "x", "1.5"]) expect((await t.get(q({ maxRecords: bad }))).status, bad).toBe(422);
  });

  it("view: Grid view by name or id; an unknown view is VIEW_NAME_NOT_FOUND", async () => {
    const t = await setup(3);
    const schema = await api(`/v0/meta/bases/${t.base.id}/tables`, { token: t.token });
    const view = schema.json.tables[0].views[0];
    expect(view).toEqual({ id: expect.stringMatching(/^viw[A-Za-z0-9]{14}$/), name: "Grid view", type: "grid" });
    expect(skus(await t.get(q({ view: "Grid view" })))).toHaveLength(3);
    expect(skus(await t.get(q({ view: view.id })))).toHaveLength(3);
    const unknown = await t.get(q({ view: "Kanban" }));
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.type).toBe("VIEW_NAME_NOT_FOUND");
  });

  it("cellFormat=string formats each type by its options and needs timeZone and userLocale", async () => {
    const t = await setup(2);
    const res = await t.get(q({ cellFormat: "string", timeZone: "America/New_York", userLocale: "en-us", filterByFormula: "{SKU} = 'SKU-0001'" }));
    expect(res.status).toBe(200);
    expect(res.json.records[0].fields).toEqual({ SKU: "SKU-0001", Price: "$1,117.25", Share: "5%", Length: "1:31", Due: "11/11/2026", Qty: "1" });
    for (const params of [{ cellFormat: "string" }, { cellFormat: "string", timeZone: "Mars/Base", userLocale: "en-us" }, { cellFormat: "xml" }] as Record<string, string>[]) {
      const bad = await t.get(q(params));
      expect(bad.status, JSON.stringify(params)).toBe(422);
      expect(bad.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
    }
  });

  it("returnFieldsByFieldId, recordMetadata[]=commentCount, fields and sort by field id", async () => {
    const t = await setup(3);
    const res = await t.get(`?returnFieldsByFieldId=true&recordMetadata[]=commentCount&fields[]=${t.fieldIds.SKU}&fields[]=Qty&sort[0][field]=${t.fieldIds.Price}&sort[0][direction]=desc`);
    expect(res.status).toBe(200);
    expect(res.json.records.map((r: { fields: Record<string, string> }) => r.fields[t.fieldIds.SKU])).toEqual(["SKU-0002", "SKU-0001", "SKU-0000"]);
    expect(res.json.records[0]).toEqual({ id: expect.any(String), createdTime: expect.any(String), commentCount: 0, fields: { [t.fieldIds.SKU]: "SKU-0002", [t.fieldIds.Qty]: 2 } });
    for (const query of ["?fields[]=Nope", "?sort[0][field]=Nope"]) {
      const bad = await t.get(query);
      expect(bad.status).toBe(422);
      expect(bad.json.error).toEqual({ type: "UNKNOWN_FIELD_NAME", message: 'Unknown field name: "Nope"' });
    }
    expect((await t.get("?recordMetadata[]=likes")).status).toBe(422);
  });

  it("POST …/listRecords takes the same options as a JSON body", async () => {
    const t = await setup();
    const res = await api(`${t.path}/listRecords?timeZone=UTC&userLocale=en-gb`, {
      method: "POST",
      token: t.token,
      json: { filterByFormula: "{Qty} >= 10", sort: [{ field: "SKU", direction: "desc" }], fields: ["SKU", "Price"], maxRecords: 5, cellFormat: "string", method: "post" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.records.map((r: { fields: object }) => r.fields)).toEqual([
      { SKU: "SKU-0011", Price: "$2,289.75" },
      { SKU: "SKU-0010", Price: "$2,172.50" },
    ]);
    const bad = await api(`${t.path}/listRecords`, { method: "POST", token: t.token, json: { sort: "SKU" } });
    expect(bad.status).toBe(422);
    const get = await api(`${t.path}/listRecords`, { token: t.token });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("GET …/{recordId} answers one record, with the same formats; an unknown id is 404", async () => {
    const t = await setup(2);
    const id = t.recordIds[1];
    const res = await t.get(`/${id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id, createdTime: expect.any(String), fields: { SKU: "SKU-0001", Price: 1117.25, Share: 0.05, Length: 5460, Due: "2026-11-11", Qty: 1 } });
    const asText = await t.get(`/${id}?cellFormat=string&timeZone=UTC&userLocale=en-us&returnFieldsByFieldId=1`);
    expect(asText.json.fields[t.fieldIds.Price]).toBe("$1,117.25");
    for (const missing of ["recAAAAAAAAAAAAAA", "nonsense"]) {
      const res404 = await t.get(`/${missing}`);
      expect(res404.status).toBe(404);
      expect(res404.json.error.type).toBe("NOT_FOUND");
    }
  });
});

describe("writes on a synced table are refused, nothing changes", () => {
  it("creates and deletes: 403 INVALID_PERMISSIONS; updates naming a field: 422 INVALID_VALUE_FOR_COLUMN", async () => {
    const t = await setup(2);
    const id = t.recordIds[0];
    const before = await t.get();
    const cases: [string, string, unknown, number, string][] = [
      ["POST", "", { records: [{ fields: { SKU: "new" } }] }, 403, "INVALID_PERMISSIONS"],
      ["POST", "/", { fields: { SKU: "new" } }, 403, "INVALID_PERMISSIONS"],
      ["DELETE", `/${id}`, undefined, 403, "INVALID_PERMISSIONS"],
      ["DELETE", `?records[]=${id}`, undefined, 403, "INVALID_PERMISSIONS"],
      ["PATCH", `/${id}`, { fields: { Price: 1 } }, 422, "INVALID_VALUE_FOR_COLUMN"],
      ["PUT", `/${id}/`, { fields: { Price: 1 } }, 422, "INVALID_VALUE_FOR_COLUMN"],
      ["PATCH", "/", { records: [{ id, fields: { Price: 1 } }] }, 422, "INVALID_VALUE_FOR_COLUMN"],
      ["PATCH", "", { records: [{ id, fields: { Nope: 1 } }] }, 422, "UNKNOWN_FIELD_NAME"],
      ["PATCH", "", { records: [{ id, fields: { SKU: "x" } }], performUpsert: { fieldsToMergeOn: ["SKU"] } }, 403, "INVALID_PERMISSIONS"],
    ];
    for (const [method, suffix, json, status, type] of cases) {
      const res = await api(`${t.path}${suffix}`, { method, token: t.token, json });
      expect(res.status, `${method} ${suffix}`).toBe(status);
      expect(res.json.error.type, `${method} ${suffix}`).toBe(type);
      expect(res.json.error.message).toMatch(/synced|Unknown field/);
    }
    const patchNothing = await api(`${t.path}/${id}`, { method: "PATCH", token: t.token, json: { fields: {} } });
    expect(patchNothing.status).toBe(200);
    expect(patchNothing.json.id).toBe(id);
    // A replace clears own fields only (e2e/api/own-fields-api.test.ts); this table has none.
    const putNothing = await api(t.path, { method: "PUT", token: t.token, json: { records: [{ id, fields: {} }] } });
    expect(putNothing.status).toBe(200);
    expect((await t.get()).json).toEqual(before.json);
  });

  it("a token without data.records:write gets the usual 403 before any of that", async () => {
    const t = await setup(1);
    const reader = await makeToken(t.user.id, { scopes: ["data.records:read"], baseIds: [t.base.id] });
    const res = await api(t.path, { method: "POST", token: reader.token, json: { fields: {} } });
    expect(res.status).toBe(403);
    expect(res.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
  });
});

describe("every answer is JSON", () => {
  it("a wrong method is 405 with Allow; /v0/meta/<unknown> is 404; a trailing slash is never redirected", async () => {
    const t = await setup(1);
    const cases: [string, string, string][] = [
      ["DELETE", `/v0/meta/bases/${t.base.id}/tables`, "GET"],
      ["POST", "/v0/meta/whoami", "GET"],
      ["PATCH", `/v0/meta/bases/${t.base.id}/syncs`, "GET, POST"],
      ["GET", `${t.path}/sync/synAAAAAAAAAAAAAA`, "POST"],
      ["POST", `${t.path}/${t.recordIds[0]}`, "GET, PATCH, PUT, DELETE"],
      ["PUT", `${t.path}/csv`, "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(path, { method, token: t.token });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.json.error.type).toBe("METHOD_NOT_ALLOWED");
    }
    for (const path of ["/v0/meta/nothing", "/v0/meta/bases/x/y/z/w", "/v0/meta"]) {
      const res = await api(path, { token: t.token });
      expect(res.status, path).toBe(404);
      expect(res.json.error.type).toBe("NOT_FOUND");
    }
    const slash = await api(`${t.path}/`, { token: t.token, redirect: "manual" });
    expect(slash.status).toBe(200);
    expect(slash.json.records).toHaveLength(1);
  });
});

describe("read rate limit", () => {
  it("allows 5 requests per second per base across connections (processes), in one Postgres call each", async () => {
    const { getPool } = await import("@/lib/db");
    const bucket = `read:test-${Date.now()}-${Math.random()}`;
    // 12 callers at once on separate connections: exactly 5 get through, the rest are told how long to wait.
    const waits = await Promise.all(
      Array.from({ length: 12 }, async () => (await getPool().query<{ wait: number }>("SELECT hit_rate_counter($1, 5, 1000) AS wait", [bucket])).rows[0].wait),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    for (const w of waits.filter((w) => w > 0)) expect(w).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(...waits) + 50));
    expect((await getPool().query("SELECT hit_rate_counter($1, 5, 1000) AS wait", [bucket])).rows[0].wait).toBe(0);
  });

  it("answers 429 RATE_LIMIT_REACHED with Retry-After over HTTP; other bases are not affected", async () => {
    const t = await setup(1);
    const other = await setup(1);
    const burst = await Promise.all(Array.from({ length: 30 }, () => api(t.path, { token: t.token, rateLimitRetry: false })));
    const refused = burst.find((r) => r.status === 429);
    expect(refused, "a burst of 30 reads gets a 429").toBeDefined();
    expect(burst.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(refused!.json.error.type).toBe("RATE_LIMIT_REACHED");
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await api(other.path, { token: other.token, rateLimitRetry: false })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Number(refused!.headers.get("retry-after")) * 1000));
    expect((await api(t.path, { token: t.token, rateLimitRetry: false })).status).toBe(200);
  });
});
