// What a sync does to the data: CSV shapes, limits, keys, every field type, deletion policies,
// record ids across deletions, and configuration changes.
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { MAX_KEY_LENGTH } from "@/lib/csv/limits";
import { api, makeOwnerSetup, SCOPES } from "../support/fixtures";
import { configFor, configureSync, createConfiguredSync, csvOf, liveRecords, postCsv, syncRuns, tableRecords } from "../support/sync";

const setup = () => makeOwnerSetup({ scopes: [...SCOPES] });

describe("CSV shapes", () => {
  it("accepts a BOM, CRLF line ends, quoted commas, quotes and newlines, and ragged rows", async () => {
    const { base, token } = await setup();
    const csv = '\uFEFFid,name,notes\r\n1,"Smith, Ada","said ""hi""\r\nthen left"\r\n2,Grace\r\n3,Linus,x,extra,cells\r\n\r\n';
    const sync = await createConfiguredSync({ token, baseId: base.id, csv, config: { fields: [{ column: "notes", type: "multilineText" }] } });
    expect(sync.status.latestPayload.header).toEqual(["id", "name", "notes"]);
    expect((await liveRecords(sync.tableId)).map((r) => [r.key, r.fields])).toEqual([
      ["1", { id: "1", name: "Smith, Ada", notes: 'said "hi"\nthen left' }],
      ["2", { id: "2", name: "Grace" }],
      ["3", { id: "3", name: "Linus", notes: "x" }],
    ]);
  });

  it("syncs the first 10,000 of 10,001 rows and reports the one ignored", async () => {
    const { base, token } = await setup();
    const rows = Array.from({ length: 10_001 }, (_, i) => [`k${i + 1}`, `v${i + 1}`]);
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "v"], ...rows]) });
    expect(sync.status.lastRun).toMatchObject({ status: "applied", rowsReceived: 10_001, rowsIgnored: 1, created: 10_000 });
    const { rows: count } = await getPool().query(`SELECT count(*)::int AS n, bool_or(key = 'k10001') AS last FROM records WHERE table_id = $1`, [sync.tableId]);
    expect(count[0]).toEqual({ n: 10_000, last: false });
    const again = await postCsv(sync.path, token, csvOf([["id", "v"], ...rows]));
    expect(again.json).toMatchObject({ status: "applied", rowsReceived: 10_001, rowsIgnored: 1, unchanged: 10_000, created: 0, updated: 0, deleted: 0 });
  });

  it("syncs 500 columns", async () => {
    const { base, token } = await setup();
    const header = ["id", ...Array.from({ length: 499 }, (_, i) => `c${i + 1}`)];
    const row = (k: string) => [k, ...Array.from({ length: 499 }, (_, i) => `${k}-${i + 1}`)];
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([header, row("a"), row("b")]) });
    const records = await liveRecords(sync.tableId);
    expect(records).toHaveLength(2);
    expect(Object.keys(records[0].fields)).toHaveLength(500);
    expect(records[1].fields.c499).toBe("b-499");
  });

  it("skips rows with an empty key, lets the last of duplicate keys win, and reports both", async () => {
    const { base, token } = await setup();
    const csv = csvOf([["id", "v"], ["1", "first"], ["  ", "no key"], ["2", "two"], ["1", "second"], ["", "none"]]);
    const sync = await createConfiguredSync({ token, baseId: base.id, csv });
    expect((await liveRecords(sync.tableId)).map((r) => [r.key, r.fields.v])).toEqual([
      ["1", "second"],
      ["2", "two"],
    ]);
    const run = (await syncRuns(token, sync))[0];
    expect(run).toMatchObject({ rowsReceived: 5, created: 2, skipped: 2, problemCount: 3 });
    expect(run.problems).toEqual(
      expect.arrayContaining([
        { row: 2, column: "id", value: "", reason: "empty primary key" },
        { row: 5, column: "id", value: "", reason: "empty primary key" },
        { row: 1, column: "id", value: "1", reason: "duplicate primary key, a later row wins", key: "1" },
      ]),
    );
  });

  it("skips and reports a key too long to index (500 characters is fine), on the first sync and after", async () => {
    const { base, token } = await setup();
    // Random letters: Postgres compresses a repetitive key below the index's limit, not these.
    const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
    const [longest, tooLong] = [letters(MAX_KEY_LENGTH), letters(9_000)];
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "v"], [tooLong, "a"], [longest, "b"]]) });
    expect((await liveRecords(sync.tableId)).map((r) => r.key)).toEqual([longest]);
    const first = (await syncRuns(token, sync))[0];
    expect(first).toMatchObject({ status: "applied", created: 1, skipped: 1, problemCount: 1 });
    expect(first.problems[0]).toMatchObject({ row: 1, column: "id", reason: `primary key longer than ${MAX_KEY_LENGTH} characters` });

    const again = await postCsv(sync.path, token, csvOf([["id", "v"], ["1", "c"], [tooLong, "d"]]));
    expect(again.json).toMatchObject({ status: "applied", created: 1, deleted: 1, skipped: 1, problemCount: 1 });
  });
});

describe("field types", () => {
  it("coerces good values of every type and reports bad ones, leaving their cells empty", async () => {
    const { base, token } = await setup();
    const header = ["id", "text", "email", "long", "number", "date", "euro date", "duration", "phone", "price", "site", "share"];
    const good = ["1", "a\nb", "ada@example.com", "line 1\nline 2", "1,234.5", "3/14/2025", "14/3/2025", "1:05:30", "+1 (555) 010-9999", "-$1,234.50", "https://example.com/x", "45%"];
    const alsoGood = ["2", "  plain  ", "", "", "1e3", "2025-03-14", "2025-03-14T10:00:00Z", "0:45", "555-0100", "€12", "example.org", "45"];
    const bad = ["3", "", "not-an-email", "", "twelve", "2025-02-30", "31/31/2025", "abc", "call me", "$$", "not a url", "lots"];
    const fields = [
      { column: "email", type: "email" },
      { column: "long", type: "multilineText" },
      { column: "number", type: "number", options: { precision: 1 } },
      { column: "date", type: "date", options: { dateFormat: "us" } },
      { column: "euro date", type: "date", options: { dateFormat: "european" } },
      { column: "duration", type: "duration", options: { durationFormat: "h:mm:ss" } },
      { column: "phone", type: "phoneNumber" },
      { column: "price", type: "currency", options: { symbol: "$", precision: 2 } },
      { column: "site", type: "url" },
      { column: "share", type: "percent" },
    ];
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([header, good, alsoGood, bad]), config: { fields } });
    const records = await liveRecords(sync.tableId);
    expect(records[0].fields).toEqual({
      id: "1",
      text: "a b",
      email: "ada@example.com",
      long: "line 1\nline 2",
      number: 1234.5,
      date: "2025-03-14",
      "euro date": "2025-03-14",
      duration: 3930,
      phone: "+1 (555) 010-9999",
      price: -1234.5,
      site: "https://example.com/x",
      share: 0.45,
    });
    expect(records[1].fields).toEqual({
      id: "2",
      text: "plain",
      number: 1000,
      date: "2025-03-14",
      "euro date": "2025-03-14",
      duration: 2700,
      phone: "555-0100",
      price: 12,
      site: "example.org",
      share: 0.45,
    });
    expect(records[2].fields).toEqual({ id: "3" });
    const run = (await syncRuns(token, sync))[0];
    expect(run.problemCount).toBe(9);
    expect(run.problems.map((p: { row: number; column: string; value: string }) => `${p.row}:${p.column}:${p.value}`).sort()).toEqual(
      ["3:date:2025-02-30", "3:duration:abc", "3:email:not-an-email", "3:euro date:31/31/2025", "3:number:twelve", "3:phone:call me", "3:price:$$", "3:share:lots", "3:site:not a url"].sort(),
    );
    expect(run.problems.every((p: { reason: string }) => p.reason.length > 0)).toBe(true);

    const schema = await api(`/v0/meta/bases/${base.id}/tables`, { token });
    const byName = Object.fromEntries(schema.json.tables[0].fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.price).toMatchObject({ type: "currency", options: { symbol: "$", precision: 2 } });
    expect(byName["euro date"]).toMatchObject({ type: "date", options: { dateFormat: { name: "european", format: "D/M/YYYY" } } });
    expect(byName.duration).toMatchObject({ type: "duration", options: { durationFormat: "h:mm:ss" } });
    expect(byName.share).toMatchObject({ type: "percent", options: { precision: 0 } });
    expect(byName.text.options).toBeUndefined();
  });

  it("quotes a long bad value shortened, without cutting a character in half", async () => {
    const { base, token } = await setup();
    const bad = `${"a".repeat(199)}😀 and more`; // the emoji's two halves are units 200 and 201
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf([["id", "n"], ["1", bad]]), config: { fields: [{ column: "n", type: "number" }] } });
    const run = (await syncRuns(token, sync))[0];
    expect(run).toMatchObject({ status: "applied", created: 1, problemCount: 1 });
    expect(run.problems[0].value).toBe(`${"a".repeat(199)}…`);
  });
});

describe("deletion and record ids", () => {
  const rows = (keys: string[]) => csvOf([["id", "v"], ...keys.map((k) => [k, `v${k}`])]);

  it("delete tombstones absent keys; keep leaves them", async () => {
    const { base, token } = await setup();
    const del = await createConfiguredSync({ token, baseId: base.id, csv: rows(["1", "2", "3"]) });
    expect((await postCsv(del.path, token, rows(["1"]))).json).toMatchObject({ deleted: 2, unchanged: 1 });
    expect((await liveRecords(del.tableId)).map((r) => r.key)).toEqual(["1"]);
    expect((await tableRecords(del.tableId, { withTombstones: true })).filter((r) => r.deletedAt)).toHaveLength(2);

    const keep = await createConfiguredSync({ token, baseId: base.id, csv: rows(["1", "2", "3"]), config: { deletion: "keep" } });
    expect((await postCsv(keep.path, token, rows(["1", "4"]))).json).toMatchObject({ deleted: 0, created: 1, unchanged: 1 });
    expect((await liveRecords(keep.tableId)).map((r) => r.key)).toEqual(["1", "2", "3", "4"]);
  });

  it("gives a returning key its old record id within the retention window and a new one after it", async () => {
    const { base, token } = await setup();
    const sync = await createConfiguredSync({ token, baseId: base.id, csv: rows(["1", "2"]) });
    const original = Object.fromEntries((await liveRecords(sync.tableId)).map((r) => [r.key, r.id]));
    const unchangedSince = (await liveRecords(sync.tableId))[0].updatedAt;

    await postCsv(sync.path, token, rows(["1"]));
    const back = await postCsv(sync.path, token, rows(["1", "2"]));
    expect(back.json).toMatchObject({ created: 1, unchanged: 1 });
    const revived = await liveRecords(sync.tableId);
    expect(revived.map((r) => r.id)).toEqual([original["1"], original["2"]]);
    // Unchanged rows are not rewritten.
    expect(revived[0].updatedAt).toEqual(unchangedSince);

    await postCsv(sync.path, token, rows(["1"]));
    // 31 days pass (the default window is 30).
    await getPool().query(`UPDATE records SET deleted_at = deleted_at - interval '31 days' WHERE table_id = $1 AND key = '2'`, [sync.tableId]);
    await postCsv(sync.path, token, rows(["1", "2"]));
    const after = await liveRecords(sync.tableId);
    expect(after[0].id).toBe(original["1"]);
    expect(after[1].id).not.toBe(original["2"]);
    expect(after[1].id).toMatch(/^rec[A-Za-z0-9]{14}$/);
  });
});

describe("configuration changes", () => {
  it("adds new columns as single line text in all-fields mode and ignores them in specific mode", async () => {
    const { base, token } = await setup();
    const csv = csvOf([["id", "a"], ["1", "x"]]);
    const all = await createConfiguredSync({ token, baseId: base.id, csv });
    const wider = csvOf([["id", "a", "b"], ["1", "x", "y"]]);
    expect((await postCsv(all.path, token, wider)).json).toMatchObject({ updated: 1 });
    expect((await liveRecords(all.tableId))[0].fields).toEqual({ id: "1", a: "x", b: "y" });
    const status = await api(`/v0/meta/bases/${base.id}/syncs/${all.id}`, { token });
    expect(status.json.config.fields.map((f: { column: string; type: string }) => `${f.column}:${f.type}`)).toEqual(["id:singleLineText", "a:singleLineText", "b:singleLineText"]);

    const specific = await createConfiguredSync({ token, baseId: base.id, csv, config: { fieldSelection: "specific", fields: [{ column: "id", type: "singleLineText" }] } });
    expect((await postCsv(specific.path, token, wider)).json).toMatchObject({ unchanged: 1 });
    expect((await liveRecords(specific.tableId))[0].fields).toEqual({ id: "1" });
  });

  it("renames and reorders without touching records, retypes by re-applying the latest CSV, and rebuilds on a new key", async () => {
    const { base, token } = await setup();
    const csv = csvOf([["id", "sku", "qty"], ["1", "A", "5"], ["2", "B", "7"]]);
    const sync = await createConfiguredSync({ token, baseId: base.id, csv });
    const before = await tableRecords(sync.tableId, { withTombstones: true });

    const renamed = configFor(["qty", "id", "sku"], { ...sync.config, fields: [{ column: "qty", name: "Quantity", type: "singleLineText" }] });
    const put = await configureSync(token, sync, { ...renamed, tableName: "Stock" });
    expect(put.status, put.text).toBe(200);
    expect(put.json.name).toBe("Stock");
    const after = await tableRecords(sync.tableId, { withTombstones: true });
    expect(after.map((r) => [r.id, r.updatedAt])).toEqual(before.map((r) => [r.id, r.updatedAt]));
    expect(after[0].fields).toEqual({ id: "1", sku: "A", Quantity: "5" });
    const schema = await api(`/v0/meta/bases/${base.id}/tables`, { token });
    expect(schema.json.tables[0].fields.map((f: { name: string }) => f.name)).toEqual(["Quantity", "id", "sku"]);
    // The table is now reachable by its new name.
    expect((await postCsv(`/v0/${base.id}/stock/sync/${sync.id}`, token, csv)).json).toMatchObject({ unchanged: 2 });

    const retyped = { ...renamed, tableName: "Stock", fields: renamed.fields.map((f) => (f.column === "qty" ? { ...f, type: "number" } : f)) };
    expect((await configureSync(token, sync, retyped)).json.lastRun).toMatchObject({ trigger: "config", updated: 2 });
    const typed = await liveRecords(sync.tableId);
    expect(typed.map((r) => [r.id, r.fields.Quantity])).toEqual([
      [before[0].id, 5],
      [before[1].id, 7],
    ]);

    const rekeyed = { ...retyped, primaryKey: "sku" };
    expect((await configureSync(token, sync, rekeyed)).json.lastRun).toMatchObject({ trigger: "config", created: 2 });
    expect((await liveRecords(sync.tableId)).map((r) => r.key)).toEqual(["A", "B"]);
    const schemaAfter = await api(`/v0/meta/bases/${base.id}/tables`, { token });
    const table = schemaAfter.json.tables[0];
    expect(table.fields.find((f: { id: string }) => f.id === table.primaryFieldId).name).toBe("sku");
  });
});
