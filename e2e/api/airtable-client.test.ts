// The official `airtable` npm client (a devDependency, unchanged) against the running app, as a
// script moved from Airtable would use it: select with every option, eachPage/all/firstPage,
// find, a formula long enough that the client switches to POST …/listRecords, and every write
// refused with the documented error. The client retries 429 by itself, as against Airtable.
import Airtable from "airtable";
import { describe, expect, it } from "vitest";
import { APP_URL, makeOwnerSetup, uniqueName } from "../support/fixtures";
import { seedTable } from "@/scripts/lib/seed-table";

const FIELDS = [
  { name: "SKU", type: "singleLineText" as const },
  { name: "Name", type: "singleLineText" as const },
  { name: "Price", type: "currency" as const, options: { symbol: "$", precision: 2 } },
  { name: "Share", type: "percent" as const, options: { precision: 0 } },
  { name: "Due", type: "date" as const, options: { dateFormat: "us" as const } },
];
const sku = (i: number) => `SKU-${String(i).padStart(4, "0")}`;

async function setup(count: number) {
  const owner = await makeOwnerSetup();
  const tableName = uniqueName("Products");
  const seeded = await seedTable({
    baseId: owner.base.id,
    name: tableName,
    fields: FIELDS,
    records: Array.from({ length: count }, (_, i) => ({
      key: sku(i),
      cells: { SKU: sku(i), Name: i % 2 ? `Widget ${i}` : `Gadget ${i}`, Price: 1000 + i * 0.5, Share: (i % 100) / 100, Due: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}` },
    })),
  });
  const airtable = new Airtable({ apiKey: owner.token, endpointUrl: APP_URL });
  const table = airtable.base(owner.base.id)(tableName);
  return { ...owner, ...seeded, tableName, table };
}

// The error the client hands back: { error, message, statusCode }.
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as { error: string; message: string; statusCode: number };
    return { error: e.error, message: e.message, statusCode: e.statusCode };
  }
  throw new Error("expected the call to be refused");
}

describe("the official airtable npm client", () => {
  it("select with every option, firstPage", async () => {
    const t = await setup(30);
    const records = await t.table
      .select({
        filterByFormula: "AND(FIND('Widget', {Name}), {Price} > 1005)",
        maxRecords: 4,
        pageSize: 3,
        sort: [{ field: "Price", direction: "desc" }],
        fields: ["SKU", "Price", "Due"],
        view: "Grid view",
        cellFormat: "string",
        timeZone: "Europe/Zurich",
        userLocale: "de-ch",
        recordMetadata: ["commentCount"],
      })
      .firstPage();
    expect(records.map((r) => r.get("SKU"))).toEqual([sku(29), sku(27), sku(25)]);
    expect(records[0].fields).toEqual({ SKU: sku(29), Price: "$1,014.50", Due: "11/2/2026" });
    expect((records[0] as unknown as { _rawJson: { commentCount: number } })._rawJson.commentCount).toBe(0);

    const all = await t.table.select({ filterByFormula: "AND(FIND('Widget', {Name}), {Price} > 1005)", maxRecords: 4, pageSize: 3, sort: [{ field: "Price", direction: "desc" }] }).all();
    expect(all.map((r) => r.get("SKU"))).toEqual([sku(29), sku(27), sku(25), sku(23)]);

    const byId = await t.table.select({ returnFieldsByFieldId: true, fields: [t.fieldIds.SKU], maxRecords: 1 }).firstPage();
    expect(byId[0].fields).toEqual({ [t.fieldIds.SKU]: sku(0) });
  });

  it("eachPage, all and firstPage page through every record", async () => {
    const t = await setup(250);
    const pages: number[] = [];
    await t.table.select({ sort: [{ field: "SKU" }] }).eachPage((records, next) => {
      pages.push(records.length);
      next();
    });
    expect(pages).toEqual([100, 100, 50]);
    const all = await t.table.select({ pageSize: 100 }).all();
    expect(all).toHaveLength(250);
    expect(new Set(all.map((r) => r.id)).size).toBe(250);
    expect(await t.table.select().firstPage()).toHaveLength(100);
    expect(await t.table.select({ maxRecords: 120 }).all()).toHaveLength(120);
  });

  it("find (and a missing record)", async () => {
    const t = await setup(3);
    const record = await t.table.find(t.recordIds[2]);
    expect(record.id).toBe(t.recordIds[2]);
    expect(record.fields).toEqual({ SKU: sku(2), Name: "Gadget 2", Price: 1001, Share: 0.02, Due: "2026-11-03" });
    expect(await refusal(t.table.find("recAAAAAAAAAAAAAA"))).toMatchObject({ error: "NOT_FOUND", statusCode: 404 });
  });

  it("switches to POST …/listRecords for a formula too long for a URL", async () => {
    const t = await setup(40);
    const wanted = [3, 17, 38];
    // Over 15,000 characters of URL: the client posts it (Node's server refuses a GET that long).
    const filler = Array.from({ length: 900 }, (_, i) => `{SKU}='NONE-${i}'`);
    const formula = `OR(${[...filler, ...wanted.map((i) => `{SKU}='${sku(i)}'`)].join(", ")})`;
    expect(formula.length).toBeGreaterThan(15_000);
    const records = await t.table.select({ filterByFormula: formula, sort: [{ field: "SKU", direction: "desc" }], cellFormat: "string", timeZone: "UTC", userLocale: "en-us" }).all();
    expect(records.map((r) => r.get("SKU"))).toEqual(wanted.map(sku).reverse());
    expect(records[0].get("Share")).toBe("38%");
    const forced = await t.table.select({ method: "post", filterByFormula: `{SKU} = '${sku(5)}'` }).firstPage();
    expect(forced.map((r) => r.id)).toEqual([t.recordIds[5]]);
  });

  it("reports a bad formula, view or field with Airtable's error types", async () => {
    const t = await setup(2);
    expect(await refusal(t.table.select({ filterByFormula: "{SKU} = " }).firstPage())).toMatchObject({
      error: "INVALID_FILTER_BY_FORMULA",
      statusCode: 422,
      message: expect.stringContaining("at character 9"),
    });
    expect(await refusal(t.table.select({ view: "Kanban" }).firstPage())).toMatchObject({ error: "VIEW_NAME_NOT_FOUND", statusCode: 422 });
    expect(await refusal(t.table.select({ fields: ["Nope"] }).firstPage())).toMatchObject({ error: "UNKNOWN_FIELD_NAME", statusCode: 422 });
  });

  it("refuses every write with the documented error, and nothing changes", async () => {
    const t = await setup(2);
    const [a, b] = t.recordIds;
    const before = await t.table.select().all();
    // The client names any 403 NOT_AUTHORIZED; the body's type is INVALID_PERMISSIONS.
    const forbidden = { error: "NOT_AUTHORIZED", statusCode: 403 };
    const synced = { error: "INVALID_VALUE_FOR_COLUMN", statusCode: 422, message: 'Field "Price" cannot accept a value because the field is synced' };
    expect(await refusal(t.table.create({ SKU: "new" }))).toMatchObject(forbidden);
    expect(await refusal(t.table.create([{ fields: { SKU: "new" } }, { fields: { SKU: "newer" } }]))).toMatchObject(forbidden);
    expect(await refusal(t.table.update(a, { Price: 1 }))).toMatchObject(synced);
    expect(await refusal(t.table.update([{ id: a, fields: { Price: 1 } }, { id: b, fields: { Price: 2 } }]))).toMatchObject(synced);
    expect(await refusal(t.table.replace(a, { Price: 1 }))).toMatchObject(synced);
    expect(await refusal(t.table.replace([{ id: b, fields: { Price: 1 } }]))).toMatchObject(synced);
    expect(await refusal(t.table.destroy(a))).toMatchObject(forbidden);
    expect(await refusal(t.table.destroy([a, b]))).toMatchObject(forbidden);
    expect((await t.table.select().all()).map((r) => r._rawJson)).toEqual(before.map((r) => r._rawJson));
  });
});
