import { describe, expect, it } from "vitest";
import { ID_PREFIXES, isId, newId, newIds, type IdKind } from "./ids";

describe("newId", () => {
  it.each(Object.keys(ID_PREFIXES) as IdKind[])("makes %s ids of prefix + 14 alphanumerics", (kind) => {
    const id = newId(kind);
    expect(id).toMatch(new RegExp(`^${ID_PREFIXES[kind]}[A-Za-z0-9]{14}$`));
    expect(isId(kind, id)).toBe(true);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId("record")));
    expect(ids.size).toBe(5000);
  });

  it("rejects ids of the wrong kind or shape", () => {
    expect(isId("base", newId("table"))).toBe(false);
    expect(isId("base", "app123")).toBe(false);
  });
});

describe("newIds", () => {
  it("makes as many distinct well-formed ids as asked", () => {
    const ids = newIds("record", 5000);
    expect(ids).toHaveLength(5000);
    expect(ids.every((id) => isId("record", id))).toBe(true);
    expect(new Set(ids).size).toBe(5000);
    expect(newIds("field", 0)).toEqual([]);
  });
});
