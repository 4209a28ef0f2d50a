import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseListQuery } from "./query";
import { buildListSql, escapeLike } from "./sql";
import type { TableField } from "./types";

const fields: TableField[] = [
  { id: "fldName0000000000", name: "Name", column: "Name", type: "singleLineText", options: {}, slot: 1, origin: "sync" },
  { id: "fldPrice000000000", name: "Price", column: "Price", type: "currency", options: {}, slot: 2, origin: "sync" },
  { id: "fldDue00000000000", name: "Due", column: "Due", type: "date", options: {}, slot: 3, origin: "sync" },
];
const parse = (qs: string) => parseListQuery(new URLSearchParams(qs), fields);

describe("parseListQuery", () => {
  it.each([
    ["", 100],
    ["pageSize=1", 1],
    ["pageSize=100", 100],
    ["pageSize=042", 42],
  ])("pageSize from %j is %i", (qs, size) => expect(parse(qs).pageSize).toBe(size));

  it.each(["pageSize=0", "pageSize=101", "pageSize=-5", "pageSize=1e2", "pageSize=ten", "pageSize="])("refuses %s", (qs) => {
    expect(() => parse(qs)).toThrow(/pageSize/);
  });

  it("reads Airtable-style sorts in index order, by name or id, direction defaulting to asc", () => {
    const q = parse("sort[1][field]=fldDue00000000000&sort[1][direction]=DESC&sort[0][field]=price");
    expect(q.sort.map((s) => [s.field.name, s.direction])).toEqual([
      ["Price", "asc"],
      ["Due", "desc"],
    ]);
  });

  it.each([
    ["sort[0][field]=Nope", /Unknown field name: "Nope"/],
    ["sort[0][direction]=asc", /sort\[0\]\[field\]: missing/],
    ["sort[0][field]=Name&sort[0][direction]=sideways", /direction/],
    ["fields[]=Nope", /Unknown field name: "Nope"/],
  ])("refuses %s", (qs, message) => expect(() => parse(qs)).toThrow(message));

  it("refuses a NUL in search (Postgres text cannot hold it)", () => {
    expect(() => parse("search=a%00b")).toThrow(/search/);
  });

  it("reads fields[] and fields[n], and trims search", () => {
    const q = parse("fields[]=Name&fields[3]=Due&search=%20pear%20");
    expect(q.fields?.map((f) => f.name)).toEqual(["Name", "Due"]);
    expect(q.search).toBe("pear");
    expect(parse("").fields).toBeNull();
  });
});

describe("cursor", () => {
  const query = parse("sort[0][field]=Price&search=x");
  it("round-trips and is tied to its sort and search", () => {
    const raw = encodeCursor(query, { values: ["12.50"], key: "K1" });
    expect(decodeCursor(query, raw)).toEqual({ values: ["12.50"], key: "K1" });
    expect(() => decodeCursor(parse("sort[0][field]=Price"), raw)).toThrow(/offset/);
    expect(() => decodeCursor(parse("sort[0][field]=Price&sort[0][direction]=desc&search=x"), raw)).toThrow(/offset/);
  });
  it("carries the records answered so far (maxRecords) and is tied to its filterByFormula", () => {
    const filter = { formula: "{Price} > 1", expr: { k: "lit" as const, type: "bool" as const, value: true }, now: 0 };
    const raw = encodeCursor({ ...query, filter }, { values: ["12.50"], key: "K1", count: 40 });
    expect(decodeCursor({ ...query, filter }, raw)).toEqual({ values: ["12.50"], key: "K1", count: 40 });
    expect(() => decodeCursor(query, raw)).toThrow(/offset/);
    expect(() => decodeCursor({ ...query, filter: { ...filter, formula: "{Price} > 2" } }, raw)).toThrow(/offset/);
  });
  it.each(["", "%%%", "bnVsbA", Buffer.from('{"q":"[]","v":[],"id":1}').toString("base64url")])("refuses %j", (raw) => {
    expect(() => decodeCursor(query, raw)).toThrow(/offset/);
  });
  it("refuses a non-numeric value for a numeric sort (no SQL cast error)", () => {
    const raw = encodeCursor(query, { values: ["1; DROP"], key: "K1" });
    expect(() => decodeCursor(query, raw)).toThrow(/offset/);
  });
  it.each([
    [["1e999999"], "K1"],
    [["-1e400"], "K1"],
    [["12.50"], "K\u00001"],
    [["1\u0000"], "K1"],
  ])("refuses forged values %j / key %j that Postgres would choke on", (values, key) => {
    const raw = encodeCursor(query, { values, key });
    expect(() => decodeCursor(query, raw)).toThrow(/offset/);
  });
});

describe("buildListSql", () => {
  it("passes field slots and search text as parameters, with the key as the last sort key", () => {
    const query = parse("sort[0][field]=Price&sort[0][direction]=desc&search=50%_off");
    const sql = buildListSql({ tableId: "tbl1", fields, query, cursor: { values: ["3"], key: "K9" }, limit: 101 });
    expect(sql.text).not.toContain("fldPrice");
    expect(sql.text).toMatch(/ORDER BY .*::numeric END\) DESC NULLS LAST, r\.key ASC/s);
    expect(sql.values).toContain("%50\\%\\_off%");
    expect(sql.values).toContain("K9");
    expect(sql.values).toContain("2"); // the slot of Price
    expect(sql.text).toContain("json_typeof(r.cells::json ->");
  });
  it("escapes LIKE wildcards", () => expect(escapeLike("a%b_c\\d")).toBe("a\\%b\\_c\\\\d"));
  it("parses each record's cells once for a search, whatever the number of text fields", () => {
    const sql = buildListSql({ tableId: "tbl1", fields, query: parse("search=pear"), cursor: null, limit: 101 });
    expect(sql.text.match(/r\.cells::json/g)).toHaveLength(1);
    expect(sql.text).toContain("json_each_text(r.cells::json)");
    // plain text also pre-filters on the raw JSON; text JSON would escape does not
    expect(sql.text).toContain("r.cells ILIKE");
    const quoted = buildListSql({ tableId: "tbl1", fields, query: parse('search=a"b'), cursor: null, limit: 101 });
    expect(quoted.text).not.toContain("r.cells ILIKE");
  });
});
