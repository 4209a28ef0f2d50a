// The grid's session routes for own fields (what the browser calls): add, rename, move and delete
// an own field, write its cells, and read them back in the grid's rows; every refusal changes nothing.
import { describe, expect, it } from "vitest";
import { grantBaseRole, makeUser } from "../support/fixtures";
import { asBrowser, ownFieldsSetup, sessionCookie, tableState } from "../support/own-fields";

const base = (t: { baseId: string; tableId: string }) => `/bases/${t.baseId}/tables/${t.tableId}`;

async function rows(t: { baseId: string; tableId: string; cookie: string }) {
  const res = await asBrowser(t.cookie, `${base(t)}/rows`);
  expect(res.status).toBe(200);
  return res.json.records as { id: string; key: string; cells: Record<string, unknown> }[];
}

describe("own fields from the grid", () => {
  it("adds fields of the new types, writes cells and reads them back merged with the synced ones", async () => {
    const t = await ownFieldsSetup();
    const status = await asBrowser(t.cookie, `${base(t)}/fields`, {
      method: "POST",
      json: { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo" }, { name: "Done", color: "greenLight2" }] } },
    });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ name: "Status", type: "singleSelect", origin: "own", column: null });
    const choices = status.json.options.choices as { id: string; name: string; color: string }[];
    expect(choices.map((c) => c.name)).toEqual(["Todo", "Done"]);
    for (const c of choices) expect(c.id).toMatch(/^sel[A-Za-z0-9]{14}$/);
    expect(choices[1].color).toBe("greenLight2");
    expect(typeof choices[0].color).toBe("string");

    const done = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Checked", type: "checkbox" } })).json;
    const tags = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Tags", type: "multipleSelects", options: { choices: [{ name: "red" }, { name: "blue" }] } } })).json;
    const notes = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Notes", type: "multilineText" } })).json;

    const before = await rows(t);
    const anvil = before.find((r) => r.key === "A1")!;
    const write = await asBrowser(t.cookie, `${base(t)}/records/${anvil.id}`, {
      method: "PATCH",
      json: { fields: { [status.json.id]: "Done", [done.id]: true, [tags.id]: ["blue", "red"], [notes.id]: "line 1\nline 2" } },
    });
    expect(write.status).toBe(200);
    expect(write.json.id).toBe(anvil.id);
    expect(write.json.key).toBe("A1");
    expect(write.json.cells).toMatchObject({ [status.json.id]: "Done", [done.id]: true, [tags.id]: ["blue", "red"], [notes.id]: "line 1\nline 2" });

    const after = await rows(t);
    const row = after.find((r) => r.key === "A1")!;
    const priceId = Object.keys(anvil.cells).find((id) => anvil.cells[id] === 10)!;
    expect(row.cells).toMatchObject({ [priceId]: 10, [status.json.id]: "Done", [done.id]: true, [tags.id]: ["blue", "red"] });

    // null clears; unticking a checkbox empties it; another cell of the same record survives.
    const cleared = await asBrowser(t.cookie, `${base(t)}/records/${anvil.id}`, { method: "PATCH", json: { fields: { [status.json.id]: null, [done.id]: false } } });
    expect(cleared.status).toBe(200);
    expect(cleared.json.cells[status.json.id]).toBeUndefined();
    expect(cleared.json.cells[done.id]).toBeUndefined();
    expect(cleared.json.cells[tags.id]).toEqual(["blue", "red"]);
    expect(cleared.json.cells[priceId]).toBe(10);
  });

  it("refuses a synced field, a bad value, an unknown choice and an unknown record, changing nothing", async () => {
    const t = await ownFieldsSetup();
    const status = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo" }] } } })).json;
    const qty = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Qty", type: "number" } })).json;
    const records = await rows(t);
    const id = records[0].id;
    const priceId = Object.keys(records[0].cells)[0];
    const state = await tableState(t.tableId);

    const synced = await asBrowser(t.cookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [priceId]: 5, [status.id]: "Todo" } } });
    expect(synced.status).toBe(422);
    expect(synced.json.error.type).toBe("INVALID_VALUE_FOR_COLUMN");
    expect(synced.json.error.message).toMatch(/cannot accept a value because the field is synced/);

    const choice = await asBrowser(t.cookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [status.id]: "Nope" } } });
    expect(choice.status).toBe(422);
    expect(choice.json.error.type).toBe("INVALID_VALUE_FOR_COLUMN");
    expect(choice.json.error.message).toContain("Status");

    const number = await asBrowser(t.cookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [qty.id]: "many" } } });
    expect(number.status).toBe(422);
    expect(number.json.error.message).toContain("Qty");

    const missing = await asBrowser(t.cookie, `${base(t)}/records/recAAAAAAAAAAAAAA`, { method: "PATCH", json: { fields: { [qty.id]: 1 } } });
    expect(missing.status).toBe(404);
    expect(await tableState(t.tableId)).toBe(state);
  });

  it("renames, moves and deletes an own field; refuses synced fields and taken names", async () => {
    const t = await ownFieldsSetup();
    const a = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Owner", type: "singleLineText" } })).json;
    const b = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Due", type: "date" } })).json;

    const taken = await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "price", type: "number" } });
    expect(taken.status).toBe(422);
    expect(taken.json.error.type).toBe("INVALID_REQUEST_UNKNOWN");
    expect(taken.json.error.message).toMatch(/^name: /);

    const renamed = await asBrowser(t.cookie, `${base(t)}/fields/${a.id}`, { method: "PATCH", json: { name: "Assignee" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.name).toBe("Assignee");
    const clash = await asBrowser(t.cookie, `${base(t)}/fields/${a.id}`, { method: "PATCH", json: { name: "DUE" } });
    expect(clash.status).toBe(422);

    const moved = await asBrowser(t.cookie, `${base(t)}/fields/${b.id}`, { method: "PATCH", json: { position: 1 } });
    expect(moved.status).toBe(200);
    const names = async () => {
      const page = await asBrowser(t.cookie, `/v0/meta/bases/${t.baseId}/tables`);
      return (page.json.tables[0].fields as { name: string }[]).map((f) => f.name);
    };
    expect(await names()).toEqual(["SKU", "Due", "Name", "Price", "Assignee"]);

    const schema = await asBrowser(t.cookie, `/v0/meta/bases/${t.baseId}/tables`);
    const price = (schema.json.tables[0].fields as { id: string; name: string }[]).find((f) => f.name === "Price")!;
    const state = await tableState(t.tableId);
    for (const res of [
      await asBrowser(t.cookie, `${base(t)}/fields/${price.id}`, { method: "PATCH", json: { name: "Cost" } }),
      await asBrowser(t.cookie, `${base(t)}/fields/${price.id}`, { method: "DELETE" }),
    ]) {
      expect(res.status).toBe(422);
      expect(res.json.error.message).toMatch(/synced/);
    }
    expect(await tableState(t.tableId)).toBe(state);

    const deleted = await asBrowser(t.cookie, `${base(t)}/fields/${b.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: b.id, deleted: true });
    expect(await names()).toEqual(["SKU", "Name", "Price", "Assignee"]);
  });

  it("editors write cells but do not add fields; commenters do neither", async () => {
    const t = await ownFieldsSetup();
    const notes = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "Notes", type: "singleLineText" } })).json;
    const id = (await rows(t))[0].id;
    const editor = await makeUser("editor");
    await grantBaseRole({ baseId: t.baseId, userId: editor.id, role: "editor" });
    const editorCookie = await sessionCookie(editor.id);
    const commenter = await makeUser("commenter");
    await grantBaseRole({ baseId: t.baseId, userId: commenter.id, role: "commenter" });
    const commenterCookie = await sessionCookie(commenter.id);

    const state = await tableState(t.tableId);
    const add = await asBrowser(editorCookie, `${base(t)}/fields`, { method: "POST", json: { name: "Mine", type: "checkbox" } });
    expect(add.status).toBe(403);
    const write = await asBrowser(commenterCookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [notes.id]: "hi" } } });
    expect(write.status).toBe(403);
    expect(await tableState(t.tableId)).toBe(state);

    const edited = await asBrowser(editorCookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [notes.id]: "hi" } } });
    expect(edited.status).toBe(200);
    expect(edited.json.cells[notes.id]).toBe("hi");
  });

  it("two concurrent edits of different cells of one record both survive", async () => {
    const t = await ownFieldsSetup();
    const a = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "A", type: "singleLineText" } })).json;
    const b = (await asBrowser(t.cookie, `${base(t)}/fields`, { method: "POST", json: { name: "B", type: "singleLineText" } })).json;
    const id = (await rows(t))[0].id;
    const writes = Array.from({ length: 10 }, (_, i) =>
      asBrowser(t.cookie, `${base(t)}/records/${id}`, { method: "PATCH", json: { fields: { [i % 2 ? a.id : b.id]: `v${i}` } } }),
    );
    for (const res of await Promise.all(writes)) expect(res.status).toBe(200);
    const row = (await rows(t)).find((r) => r.id === id)!;
    expect(row.cells[a.id]).toMatch(/^v[13579]$/);
    expect(row.cells[b.id]).toMatch(/^v[02468]$/);
  });
});
