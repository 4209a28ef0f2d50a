import { describe, expect, it } from "vitest";
import { deletionRefusal, type DeletionPlan } from "./safeguard";

const plan = (over: Partial<DeletionPlan>): DeletionPlan => ({
  deletion: "delete",
  rows: 10,
  live: 100,
  deleting: 0,
  maxDeletePercent: null,
  allowMassDeletion: false,
  ...over,
});

describe("deletionRefusal", () => {
  it.each<[string, Partial<DeletionPlan>, boolean]>([
    ["a header-only request that would delete every record", { rows: 0, deleting: 100 }, true],
    ["a header-only request with deletion keep", { rows: 0, deleting: 100, deletion: "keep" }, false],
    ["a header-only request into an empty table", { rows: 0, live: 0, deleting: 0 }, false],
    ["a header-only request with allowMassDeletion", { rows: 0, deleting: 100, allowMassDeletion: true }, false],
    ["deleting 90 % without a threshold", { deleting: 90 }, false],
    ["deleting exactly the threshold", { deleting: 50, maxDeletePercent: 50 }, false],
    ["deleting one more than the threshold", { deleting: 51, maxDeletePercent: 50 }, true],
    ["deleting over the threshold with allowMassDeletion", { deleting: 51, maxDeletePercent: 50, allowMassDeletion: true }, false],
    ["deleting over the threshold with deletion keep", { deleting: 51, maxDeletePercent: 50, deletion: "keep" }, false],
    ["a fractional threshold", { live: 1000, deleting: 16, maxDeletePercent: 1.5 }, true],
  ])("%s", (_, over, refused) => {
    expect(deletionRefusal(plan(over)) !== null).toBe(refused);
  });

  it("says what would have happened and how to allow it", () => {
    expect(deletionRefusal(plan({ rows: 0, live: 1234, deleting: 1234 }))).toMatch(/no data rows.*all 1,234 records.*--data-binary.*allowMassDeletion=true/);
    expect(deletionRefusal(plan({ live: 200, deleting: 120, maxDeletePercent: 50 }))).toMatch(/delete 120 records of 200 \(60 %\), more than the 50 %.*allowMassDeletion=true/);
  });
});
