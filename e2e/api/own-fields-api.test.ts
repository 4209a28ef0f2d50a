// Contract "Own fields and record writes", the public API: the fields API (create each type,
// rename, move, delete; synced fields refused) and record writes (PATCH/PUT of own fields; every
// refusal refuses the whole request and changes nothing), reads of own fields with
// filterByFormula and sort, and the official `airtable` client writing an own field.
import Airtable from "airtable";
import { describe, expect, it } from "vitest";
import { APP_URL, api, grantBaseRole, makeToken, makeUser } from "../support/fixtures";
import { createField, ownFieldsSetup, tableState } from "../support/own-fields";

type Setup = Awaited<ReturnType<typeof ownFieldsSetup>>;
const fieldsPath = (t: Setup) => `/v0/meta/bases/${t.baseId}/tables/${t.tableId}/fields`;
const recordsPath = (t: Setup) => `/v0/${t.baseId}/${t.tableId}`;

async function recordIds(t: Setup): Promise<Record<string, string>> {
  const res = await api(`${recordsPath(t)}?returnFieldsByFieldId=false`, { token: t.token });
  return Object.fromEntries((res.json.records as { id: string; fields: { SKU: string } }[]).map((r) => [r.fields.SKU, r.id]));
}

async function withOwnFields() {
  const t = await ownFieldsSetup();
  await createField(t, { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo" }, { name: "Done" }] } });
  await createField(t, { name: "Ok", type: "checkbox", options: { icon: "check", color: "greenBright" } });
  await createField(t, { name: "Tags", type: "multipleSelects", options: { choices: [{ name: "red" }, { name: "blue" }] } });
  await createField(t, { name: "Qty", type: "number", options: { precision: 0 } });
  await createField(t, { name: "Notes", type: "multilineText" });
  return { ...t, ids: await recordIds(t) };
}

describe("the fields API", () => {
  it("creates an own field of each of the 13 types, in Airtable's shape", async () => {
    const t = await ownFieldsSetup();
    const bodies = [
      { name: "f1", type: "singleLineText" },
      { name: "f2", type: "email" },
      { name: "f3", type: "multilineText" },
      { name: "f4", type: "number", options: { precision: 2 } },
      { name: "f5", type: "date", options: { dateFormat: { name: "european", format: "D/M/YYYY" } } },
      { name: "f6", type: "duration", options: { durationFormat: "h:mm:ss" } },
      { name: "f7", type: "phoneNumber" },
      { name: "f8", type: "currency", options: { precision: 2, symbol: "€" } },
      { name: "f9", type: "url" },
      { name: "f10", type: "percent", options: { precision: 1 } },
      { name: "f11", type: "checkbox", options: { icon: "check", color: "greenBright" } },
      { name: "f12", type: "singleSelect", options: { choices: [{ name: "a" }, { name: "b", color: "redLight2" }] } },
      { name: "f13", type: "multipleSelects", options: { choices: [{ name: "x" }] } },
    ];
    for (const body of bodies) {
      const res = await api(fieldsPath(t), { method: "POST", token: t.token, json: body });
      expect(res.status, `${body.type}: ${res.text}`).toBe(200);
      expect(res.json).toMatchObject({ name: body.name, type: body.type });
      expect(res.json.id).toMatch(/^fld[A-Za-z0-9]{14}$/);
    }
    const schema = await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token });
    const fields = schema.json.tables[0].fields as { name: string; type: string; options?: Record<string, unknown> }[];
    expect(fields.map((f) => f.name)).toEqual(["SKU", "Name", "Price", ...bodies.map((b) => b.name)]);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.f4.options).toEqual({ precision: 2 });
    expect(byName.f5.options).toEqual({ dateFormat: { name: "european", format: "D/M/YYYY" } });
    expect(byName.f8.options).toEqual({ precision: 2, symbol: "€" });
    expect(byName.f11.options).toEqual({ icon: "check", color: "greenBright" });
    const choices = (byName.f12.options as { choices: { id: string; name: string; color: string }[] }).choices;
    expect(choices.map((c) => [c.name, c.color.length > 0, /^sel[A-Za-z0-9]{14}$/.test(c.id)])).toEqual([["a", true, true], ["b", true, true]]);
    expect(choices[1].color).toBe("redLight2");
  });

  it("refuses bad bodies, taken names, synced fields, a missing scope and a role below creator, changing nothing", async () => {
    const t = await ownFieldsSetup();
    const own = await createField(t, { name: "Owner", type: "singleLineText" });
    const schema = await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token });
    const price = (schema.json.tables[0].fields as { id: string; name: string }[]).find((f) => f.name === "Price")!;
    const editor = await makeUser("editor");
    await grantBaseRole({ baseId: t.baseId, userId: editor.id, role: "editor" });
    const editorToken = (await makeToken(editor.id, { baseIds: [t.baseId] })).token;
    const noSchemaScope = (await makeToken(t.user.id, { scopes: ["data.records:read", "data.records:write", "schema.bases:read"], baseIds: [t.baseId] })).token;
    const state = await tableState(t.tableId);

    const cases: [string, string, unknown, string, number, RegExp | null][] = [
      ["POST", fieldsPath(t), { name: "x", type: "formula" }, t.token, 422, /^type: /],
      ["POST", fieldsPath(t), { name: "", type: "number" }, t.token, 422, /^name: /],
      ["POST", fieldsPath(t), { name: "PRICE", type: "number" }, t.token, 422, /^name: .*Price/],
      ["POST", fieldsPath(t), { name: "owner", type: "number" }, t.token, 422, /^name: /],
      ["POST", fieldsPath(t), { name: "n", type: "number", options: { precision: 99 } }, t.token, 422, /^options\.precision: /],
      ["POST", fieldsPath(t), { name: "s", type: "singleSelect", options: { choices: [{ name: "a" }, { name: "A" }] } }, t.token, 422, /choices/],
      ["POST", fieldsPath(t), { name: "x", type: "number" }, editorToken, 403, null],
      ["POST", fieldsPath(t), { name: "x", type: "number" }, noSchemaScope, 403, null],
      ["PATCH", `${fieldsPath(t)}/${price.id}`, { name: "Cost" }, t.token, 422, /synced/],
      ["DELETE", `${fieldsPath(t)}/${price.id}`, undefined, t.token, 422, /synced/],
      ["PATCH", `${fieldsPath(t)}/${own.id}`, { name: "Name" }, t.token, 422, /^name: /],
      ["PATCH", `${fieldsPath(t)}/${own.id}`, { type: "number" }, t.token, 422, /^type: /],
      ["PATCH", `${fieldsPath(t)}/${own.id}`, { name: "New" }, editorToken, 403, null],
      ["DELETE", `${fieldsPath(t)}/${own.id}`, undefined, noSchemaScope, 403, null],
      ["DELETE", `${fieldsPath(t)}/fldAAAAAAAAAAAAAA`, undefined, t.token, 404, null],
    ];
    for (const [method, path, json, token, status, message] of cases) {
      const res = await api(path, { method, token, json });
      expect(res.status, `${method} ${path} ${JSON.stringify(json)}: ${res.text}`).toBe(status);
      if (message) expect(res.json.error.message).toMatch(message);
      if (status === 422) expect(res.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
    }
    expect(await tableState(t.tableId)).toBe(state);
  });

  it("renames, moves, changes choices (renaming them in records) and deletes an own field", async () => {
    const t = await withOwnFields();
    const schema = async () => (await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token })).json.tables[0].fields as { id: string; name: string; options?: { choices?: { id: string; name: string }[] } }[];
    const status = (await schema()).find((f) => f.name === "Status")!;
    const tags = (await schema()).find((f) => f.name === "Tags")!;
    await api(recordsPath(t), { method: "PATCH", token: t.token, json: { records: [{ id: t.ids.A1, fields: { Status: "Todo", Tags: ["red", "blue"] } }, { id: t.ids.B2, fields: { Status: "Done" } }] } });

    const renamed = await api(`${fieldsPath(t)}/${status.id}`, { method: "PATCH", token: t.token, json: { name: "State" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: status.id, name: "State", type: "singleSelect" });

    // "Todo" renamed to "Open", "Done" removed, "Later" added.
    const [todo] = status.options!.choices!;
    const rechoice = await api(`${fieldsPath(t)}/${status.id}`, { method: "PATCH", token: t.token, json: { options: { choices: [{ id: todo.id, name: "Open" }, { name: "Later" }] } } });
    expect(rechoice.status, rechoice.text).toBe(200);
    expect(rechoice.json.options.choices.map((c: { name: string }) => c.name)).toEqual(["Open", "Later"]);
    const red = tags.options!.choices!.find((c) => c.name === "red")!;
    await api(`${fieldsPath(t)}/${tags.id}`, { method: "PATCH", token: t.token, json: { options: { choices: [{ id: red.id, name: "crimson" }] } } });
    const a1 = await api(`${recordsPath(t)}/${t.ids.A1}`, { token: t.token });
    expect(a1.json.fields).toMatchObject({ State: "Open", Tags: ["crimson"] });
    const b2 = await api(`${recordsPath(t)}/${t.ids.B2}`, { token: t.token });
    expect(b2.json.fields.State).toBeUndefined();

    const moved = await api(`${fieldsPath(t)}/${status.id}`, { method: "PATCH", token: t.token, json: { position: 1 } });
    expect(moved.status).toBe(200);
    expect((await schema()).map((f) => f.name)).toEqual(["SKU", "State", "Name", "Price", "Ok", "Tags", "Qty", "Notes"]);

    const deleted = await api(`${fieldsPath(t)}/${status.id}`, { method: "DELETE", token: t.token });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: status.id, deleted: true });
    expect((await schema()).map((f) => f.name)).toEqual(["SKU", "Name", "Price", "Ok", "Tags", "Qty", "Notes"]);
    expect((await api(`${recordsPath(t)}/${t.ids.A1}`, { token: t.token })).json.fields.State).toBeUndefined();
  });
});

describe("record writes", () => {
  it("updates own fields by name or id (PATCH batch and single), replaces with PUT and typecasts choices", async () => {
    const t = await withOwnFields();
    const schema = (await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token })).json.tables[0].fields as { id: string; name: string }[];
    const qtyId = schema.find((f) => f.name === "Qty")!.id;

    const batch = await api(recordsPath(t), {
      method: "PATCH",
      token: t.token,
      json: { records: [{ id: t.ids.A1, fields: { Status: "Done", Ok: true, [qtyId]: 3 } }, { id: t.ids.B2, fields: { Tags: ["blue"], Notes: "hello" } }] },
    });
    expect(batch.status, batch.text).toBe(200);
    expect(batch.json.records).toEqual([
      { id: t.ids.A1, createdTime: expect.any(String), fields: { SKU: "A1", Name: "Anvil", Price: 10, Status: "Done", Ok: true, Qty: 3 } },
      { id: t.ids.B2, createdTime: expect.any(String), fields: { SKU: "B2", Name: "Bucket", Price: 20, Tags: ["blue"], Notes: "hello" } },
    ]);

    const single = await api(`${recordsPath(t)}/${t.ids.A1}`, { method: "PATCH", token: t.token, json: { fields: { Qty: 4 } } });
    expect(single.status).toBe(200);
    expect(single.json.fields).toMatchObject({ Status: "Done", Ok: true, Qty: 4, Price: 10 });

    // PUT clears the own fields it does not name; synced values stay.
    const replaced = await api(`${recordsPath(t)}/${t.ids.A1}`, { method: "PUT", token: t.token, json: { fields: { Notes: "only this" } } });
    expect(replaced.status).toBe(200);
    expect(replaced.json.fields).toEqual({ SKU: "A1", Name: "Anvil", Price: 10, Notes: "only this" });

    const unknownChoice = await api(`${recordsPath(t)}/${t.ids.C3}`, { method: "PATCH", token: t.token, json: { fields: { Status: "Blocked" } } });
    expect(unknownChoice.status).toBe(422);
    expect(unknownChoice.json.error.type).toBe("INVALID_VALUE_FOR_COLUMN");
    const typecast = await api(`${recordsPath(t)}/${t.ids.C3}`, { method: "PATCH", token: t.token, json: { fields: { Status: "Blocked", Tags: "red, green", Qty: "1,200" }, typecast: true } });
    expect(typecast.status, typecast.text).toBe(200);
    expect(typecast.json.fields).toMatchObject({ Status: "Blocked", Tags: ["red", "green"], Qty: 1200 });
    const after = (await api(`/v0/meta/bases/${t.baseId}/tables`, { token: t.token })).json.tables[0].fields as { name: string; options?: { choices?: { name: string; id: string }[] } }[];
    expect(after.find((f) => f.name === "Status")!.options!.choices!.map((c) => c.name)).toEqual(["Todo", "Done", "Blocked"]);
    expect(after.find((f) => f.name === "Tags")!.options!.choices!.map((c) => c.name)).toEqual(["red", "blue", "green"]);
  });

  it("refuses synced fields, creates, deletes, bad values, unknown records, big batches, a missing scope and a role below editor — the whole request, changing nothing", async () => {
    const t = await withOwnFields();
    await api(recordsPath(t), { method: "PATCH", token: t.token, json: { records: [{ id: t.ids.A1, fields: { Status: "Todo", Qty: 1 } }] } });
    const commenter = await makeUser("commenter");
    await grantBaseRole({ baseId: t.baseId, userId: commenter.id, role: "commenter" });
    const commenterToken = (await makeToken(commenter.id, { baseIds: [t.baseId] })).token;
    const readOnlyScope = (await makeToken(t.user.id, { scopes: ["data.records:read", "schema.bases:read", "schema.bases:write"], baseIds: [t.baseId] })).token;
    const eleven = Array.from({ length: 11 }, () => ({ id: t.ids.A1, fields: { Qty: 2 } }));
    const state = await tableState(t.tableId);

    const cases: [string, string, unknown, string, number, string, RegExp | null][] = [
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.B2, fields: { Qty: 5 } }, { id: t.ids.A1, fields: { Price: 1, Qty: 9 } }] }, t.token, 422, "INVALID_VALUE_FOR_COLUMN", /^Field "Price" cannot accept a value because the field is synced$/],
      ["PUT", `${recordsPath(t)}/${t.ids.A1}`, { fields: { Name: "x" } }, t.token, 422, "INVALID_VALUE_FOR_COLUMN", /"Name" .*synced/],
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.A1, fields: { Qty: "many" } }] }, t.token, 422, "INVALID_VALUE_FOR_COLUMN", /Qty/],
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.A1, fields: { Ok: "yes" } }] }, t.token, 422, "INVALID_VALUE_FOR_COLUMN", /Ok/],
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.A1, fields: { Tags: ["purple"] } }] }, t.token, 422, "INVALID_VALUE_FOR_COLUMN", /Tags/],
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.A1, fields: { Nope: 1 } }] }, t.token, 422, "UNKNOWN_FIELD_NAME", null],
      ["PATCH", recordsPath(t), { records: [{ id: t.ids.A1, fields: { Qty: 7 } }, { id: "recAAAAAAAAAAAAAA", fields: { Qty: 7 } }] }, t.token, 404, "NOT_FOUND", null],
      ["PATCH", recordsPath(t), { records: eleven }, t.token, 422, "INVALID_REQUEST_UNKNOWN", /at most 10/],
      ["POST", recordsPath(t), { records: [{ fields: { Qty: 1 } }] }, t.token, 403, "INVALID_PERMISSIONS", /create records/],
      ["PATCH", recordsPath(t), { performUpsert: { fieldsToMergeOn: ["SKU"] }, records: [{ fields: { SKU: "Z" } }] }, t.token, 403, "INVALID_PERMISSIONS", /create records/],
      ["DELETE", `${recordsPath(t)}/${t.ids.A1}`, undefined, t.token, 403, "INVALID_PERMISSIONS", /delete records/],
      ["DELETE", `${recordsPath(t)}?records[]=${t.ids.A1}`, undefined, t.token, 403, "INVALID_PERMISSIONS", /delete records/],
      ["PATCH", `${recordsPath(t)}/${t.ids.A1}`, { fields: { Qty: 8 } }, commenterToken, 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", null],
      ["PATCH", `${recordsPath(t)}/${t.ids.A1}`, { fields: { Qty: 8 } }, readOnlyScope, 403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", null],
    ];
    for (const [method, path, json, token, status, type, message] of cases) {
      const res = await api(path, { method, token, json });
      expect(res.status, `${method} ${path} ${JSON.stringify(json)}: ${res.text}`).toBe(status);
      expect(res.json.error.type).toBe(type);
      if (message) expect(res.json.error.message).toMatch(message);
      expect(await tableState(t.tableId)).toBe(state);
    }
  });
});

describe("reading own fields", () => {
  it("filters with filterByFormula (checkbox 1/0, select names, multiple selects joined) and sorts by an own field", async () => {
    const t = await withOwnFields();
    await api(recordsPath(t), {
      method: "PATCH",
      token: t.token,
      json: {
        records: [
          { id: t.ids.A1, fields: { Ok: true, Status: "Done", Tags: ["red", "blue"], Qty: 5 } },
          { id: t.ids.B2, fields: { Status: "Todo", Tags: ["blue"], Qty: 50 } },
          { id: t.ids.C3, fields: { Qty: 7, Notes: "needle in here" } },
        ],
      },
    });
    const keys = async (query: string) => {
      const res = await api(`${recordsPath(t)}?${query}`, { token: t.token });
      expect(res.status, res.text).toBe(200);
      return (res.json.records as { fields: { SKU: string } }[]).map((r) => r.fields.SKU);
    };
    const formula = (f: string) => `filterByFormula=${encodeURIComponent(f)}`;
    expect(await keys(formula("{Ok}"))).toEqual(["A1"]);
    expect(await keys(formula("{Ok} = 0"))).toEqual(["B2", "C3"]);
    expect(await keys(formula("{Ok} + {Qty} = 6"))).toEqual(["A1"]);
    expect(await keys(formula("{Status} = 'Todo'"))).toEqual(["B2"]);
    expect(await keys(formula("{Tags} = 'red, blue'"))).toEqual(["A1"]);
    expect(await keys(formula("FIND('blue', {Tags})"))).toEqual(["A1", "B2"]);
    expect(await keys(formula("AND({Qty} > 6, {Price} > 15)"))).toEqual(["B2", "C3"]);
    expect(await keys(formula("FIND('needle', {Notes})"))).toEqual(["C3"]);
    expect(await keys("sort[0][field]=Qty&sort[0][direction]=desc")).toEqual(["B2", "C3", "A1"]);
    expect(await keys("sort[0][field]=Ok&sort[0][direction]=desc")).toEqual(["A1", "B2", "C3"]);
    expect(await keys("sort[0][field]=Status")).toEqual(["A1", "B2", "C3"]);
    expect(await keys("search=needle")).toEqual(["C3"]);
    expect(await keys("search=todo")).toEqual(["B2"]);
    const str = await api(`${recordsPath(t)}/${t.ids.A1}?cellFormat=string&timeZone=UTC&userLocale=en-us`, { token: t.token });
    expect(str.json.fields).toMatchObject({ Ok: "checked", Tags: "red, blue", Status: "Done" });

    const csv = await api(`${recordsPath(t)}/csv`, { token: t.token });
    expect(csv.status).toBe(200);
    expect(csv.text.split("\r\n")[0]).toBe("SKU,Name,Price,Status,Ok,Tags,Qty,Notes");
    expect(csv.text.split("\r\n")[1]).toBe("A1,Anvil,10,Done,checked,\"red,blue\",5,");
  });

  it("the official airtable client updates an own field and reads it back", async () => {
    const t = await withOwnFields();
    const table = new Airtable({ apiKey: t.token, endpointUrl: APP_URL }).base(t.baseId)(t.sync.config.tableName);
    const updated = await table.update(t.ids.B2, { Status: "Done", Qty: 12 });
    expect(updated.get("Status")).toBe("Done");
    expect(updated.get("Price")).toBe(20);
    const batch = await table.update([{ id: t.ids.A1, fields: { Tags: ["red"] } }, { id: t.ids.C3, fields: { Ok: true } }]);
    expect(batch.map((r) => r.id)).toEqual([t.ids.A1, t.ids.C3]);
    const found = await table.find(t.ids.B2);
    expect(found.get("Qty")).toBe(12);
    expect((await table.find(t.ids.C3)).get("Ok")).toBe(true);
    const done = await table.select({ filterByFormula: "{Status} = 'Done'" }).all();
    expect(done.map((r) => r.get("SKU"))).toEqual(["B2"]);
    const refused = await table.update(t.ids.A1, { Price: 1 }).then(
      () => null,
      (err: { error: string; statusCode: number }) => ({ error: err.error, statusCode: err.statusCode }),
    );
    expect(refused).toEqual({ error: "INVALID_VALUE_FOR_COLUMN", statusCode: 422 });
  });
});
