import { describe, expect, it } from "vitest";
import { diffRecords } from "./diff";

const stored = new Map([
  ["same", { fingerprint: "1", live: true }],
  ["changed", { fingerprint: "2", live: true }],
  ["had-problem", { fingerprint: null, live: true }],
  ["tombstone", { fingerprint: "4", live: false }],
  ["gone", { fingerprint: "5", live: true }],
  ["gone-before", { fingerprint: "6", live: false }],
]);

describe("diffRecords", () => {
  it("rechecks new, changed, problem and returning rows, and lists live records that did not come", () => {
    const diff = diffRecords(
      [
        { key: "same", fingerprint: 1 },
        { key: "changed", fingerprint: 20 },
        { key: "had-problem", fingerprint: 3 },
        { key: "tombstone", fingerprint: 4 },
        { key: "new", fingerprint: 7 },
      ],
      stored,
    );
    expect([...diff.recheck]).toEqual(["changed", "had-problem", "tombstone", "new"]);
    expect([...diff.existing]).toEqual(["changed", "had-problem", "tombstone"]);
    expect(diff.revived).toBe(1);
    expect(diff.removed).toEqual(["gone"]);
  });
});
