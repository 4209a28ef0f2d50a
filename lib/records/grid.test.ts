import { describe, expect, it } from "vitest";
import { GRID_MAX_PAGE_SIZE, GRID_PAGE_SIZE, gridPageSize } from "./grid";

describe("gridPageSize", () => {
  it.each([
    [0, 0, GRID_PAGE_SIZE],
    [500, 430, GRID_PAGE_SIZE],
    [500, 2_000, 2_000],
    [100, 9_999, GRID_MAX_PAGE_SIZE],
    [5_500, 9_999, 5_000],
  ])("loaded %i, row %i wanted → %i rows", (loaded, wanted, size) => expect(gridPageSize(loaded, wanted)).toBe(size));
});
