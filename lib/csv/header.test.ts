import { describe, expect, it } from "vitest";
import { columnIndex, columnKey, headerPositions, sameColumn } from "./header";

describe("columnKey", () => {
  it.each([
    ["Price", "price"],
    ["  Price ", "price"],
    ["ÉTÉ", "été"],
    ["Unit price", "unit price"],
    ["a\tb", "a\tb"],
  ])("%j → %j", (column, key) => {
    expect(columnKey(column)).toBe(key);
  });

  it("treats case and surrounding spaces alike, inner spaces not", () => {
    expect(sameColumn(" ID", "id ")).toBe(true);
    expect(sameColumn("Unit price", "Unitprice")).toBe(false);
  });
});

describe("columnIndex", () => {
  it.each([
    [["id", "Name"], "name", 1],
    [["id", "Name"], "ID", 0],
    [["id", "Name"], " name ", 1],
    [["id", "Name"], "email", -1],
  ] as const)("%j / %s → %i", (header, column, index) => {
    expect(columnIndex([...header], column)).toBe(index);
  });
});

describe("headerPositions", () => {
  it("keys by columnKey, first position wins", () => {
    expect([...headerPositions(["id", "Name", "NAME"])]).toEqual([
      ["id", 0],
      ["name", 1],
    ]);
  });
});
