import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup, makeToken } from "../support/fixtures";
import { createConfiguredSync, csvOf, postCsv, recordsFingerprint } from "../support/sync";

const HEADER = ["id", "Name", "Price", "Share", "Length", "Due", "Email", "Site", "Phone", "Notes", "Count"];
const ROWS = [
  ["-5", "=1+1", "-$1,234.50", "45%", "1:30", "3/14/2025", "ada@example.com", "https://example.com/a?b=1", "+1 555 0100", "line one\nline two", "-3"],
  ["=K", "+cmd|' /C calc'!A0", "$0.10", "0.5%", "0:00:07.25", "2024-02-29", "-x@example.com", "example.com", "555-0101 x12", "@SUM(A1)", "1e3"],
  ["3", "@mention", "12", "100", "25:00:00", "31/12/2024", "", "javascript:alert(1)", "", "'quoted", "0.1"],
  ["  4  ", "plain, with comma", "", "", "", "", "", "", "", "", ""],
];

describe("GET /v0/{baseId}/{table}/csv", () => {
  it("downloads a CSV that, posted back to the same sync, changes nothing", async () => {
    const { base, token } = await makeOwnerSetup();
    const sync = await createConfiguredSync({
      token,
      baseId: base.id,
      csv: csvOf([HEADER, ...ROWS]),
      config: {
        fields: [
          { column: "Price", type: "currency", options: { symbol: "$", precision: 2 } },
          { column: "Share", type: "percent", options: { precision: 1 } },
          { column: "Length", type: "duration", options: { durationFormat: "h:mm:ss.SS" } },
          { column: "Due", type: "date", options: { dateFormat: "us" } },
          { column: "Email", type: "email" },
          { column: "Site", type: "url" },
          { column: "Phone", type: "phoneNumber" },
          { column: "Notes", type: "multilineText" },
          { column: "Count", type: "number", options: { precision: 0 } },
        ],
      },
    });
    const before = await recordsFingerprint(sync.tableId);

    const reader = await makeToken((await api("/v0/meta/whoami", { token })).json.id, { scopes: ["data.records:read"], baseIds: [base.id] });
    const res = await api(`/v0/${base.id}/${sync.tableId}/csv`, { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=/);

    const parsed = Papa.parse<string[]>(res.text.trimEnd(), { header: false }).data;
    expect(parsed[0]).toEqual(HEADER);
    const byKey = new Map(parsed.slice(1).map((row) => [row[0].trim(), row]));
    // text that a spreadsheet would run as a formula gets a leading space; numbers do not
    expect(byKey.get("=K")?.[0]).toBe(" =K");
    expect(byKey.get("-5")?.[1]).toBe(" =1+1");
    expect(byKey.get("=K")?.[1]).toBe(" +cmd|' /C calc'!A0");
    expect(byKey.get("3")?.[1]).toBe(" @mention");
    expect(byKey.get("=K")?.[6]).toBe(" -x@example.com");
    expect(byKey.get("-5")?.[8]).toBe(" +1 555 0100");
    expect(byKey.get("-5")?.[2]).toBe("-$1,234.50");
    expect(byKey.get("-5")?.[10]).toBe("-3");
    expect(parsed.slice(1)).toHaveLength(ROWS.length);

    const back = await postCsv(sync.path, token, res.text);
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ success: true, status: "applied", created: 0, updated: 0, deleted: 0, unchanged: ROWS.length });
    expect(await recordsFingerprint(sync.tableId)).toBe(before);
  });

  it("streams 10,000 rows and needs data.records:read on the base", async () => {
    const { base, token, user } = await makeOwnerSetup();
    const rows = Array.from({ length: 10_000 }, (_, i) => [`k${i}`, `Name ${i}`, `${i}.5`]);
    const sync = await createConfiguredSync({
      token,
      baseId: base.id,
      csv: csvOf([["key", "name", "amount"], ...rows]),
      config: { fields: [{ column: "amount", type: "number", options: { precision: 1 } }] },
    });
    const res = await api(`/v0/${base.id}/${sync.tableId}/csv`, { token });
    expect(res.status).toBe(200);
    const lines = res.text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(10_001);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(10_000);

    const writeOnly = await makeToken(user.id, { scopes: ["data.records:write", "schema.bases:write"], baseIds: [base.id] });
    expect((await api(`/v0/${base.id}/${sync.tableId}/csv`, { token: writeOnly.token })).status).toBe(403);
    expect((await api(`/v0/${base.id}/${sync.tableId}/csv`)).status).toBe(401);
    expect((await api(`/v0/${base.id}/tblNoSuchTable00000/csv`, { token })).status).toBe(404);
  });
});
