import { describe, expect, it } from "vitest";
import { countRows, type RunProgress } from "./progress";

function recorder() {
  const adds: number[] = [];
  const progress: RunProgress = { add: (n) => adds.push(n), wantsTurn: () => false, end: () => undefined };
  return { adds, progress };
}

describe("countRows", () => {
  it("passes every row through and reports them 250 at a time, then the rest", () => {
    const { adds, progress } = recorder();
    const rows = Array.from({ length: 601 }, (_, i) => i);
    expect([...countRows(rows, progress)]).toEqual(rows);
    expect(adds).toEqual([250, 250, 101]);
  });

  it("reports only the rows drawn", () => {
    const { adds, progress } = recorder();
    const it = countRows(Array.from({ length: 1000 }, (_, i) => i), progress);
    for (let i = 0; i < 300; i++) it.next();
    expect(adds).toEqual([250]);
  });

  it("without a progress, is the rows themselves", () => {
    expect([...countRows(["a", "b"], undefined)]).toEqual(["a", "b"]);
  });
});
