import { describe, expect, it } from "vitest";
import { mergeFieldOrder } from "./fields";

describe("mergeFieldOrder: a configuration change moves no own field", () => {
  it.each([
    [["a", "b", "c"], [{ id: "X", position: 1 }], ["a", "X", "b", "c"]],
    [["a", "b", "c"], [{ id: "X", position: 4 }], ["a", "b", "c", "X"]],
    [["c", "a"], [{ id: "X", position: 1 }, { id: "Y", position: 3 }], ["c", "X", "a", "Y"]],
    [["a"], [{ id: "Y", position: 5 }, { id: "X", position: 0 }], ["X", "a", "Y"]],
    [[], [{ id: "X", position: 2 }], ["X"]],
    [["a", "b"], [], ["a", "b"]],
  ])("synced %j, own %j → %j", (synced, own, order) => {
    expect(mergeFieldOrder(synced, own)).toEqual(order);
  });
});
