import { describe, expect, it } from "vitest";
import { isTypingKey, moveAfterCommit, moveFor, scrollToShow } from "./navigation";

const size = { rows: 100, cols: 5, pageRows: 10 };
const from = { row: 5, col: 2 };

describe("moveFor", () => {
  it.each([
    ["ArrowUp", {}, { row: 4, col: 2 }],
    ["ArrowDown", {}, { row: 6, col: 2 }],
    ["ArrowLeft", {}, { row: 5, col: 1 }],
    ["ArrowRight", {}, { row: 5, col: 3 }],
    ["ArrowDown", { ctrlKey: true }, { row: 99, col: 2 }],
    ["ArrowUp", { metaKey: true }, { row: 0, col: 2 }],
    ["Home", {}, { row: 5, col: 1 }],
    ["End", {}, { row: 5, col: 4 }],
    ["Home", { ctrlKey: true }, { row: 0, col: 1 }],
    ["End", { ctrlKey: true }, { row: 99, col: 4 }],
    ["PageDown", {}, { row: 15, col: 2 }],
    ["PageUp", {}, { row: 0, col: 2 }],
    ["Tab", {}, { row: 5, col: 3 }],
    ["Tab", { shiftKey: true }, { row: 5, col: 1 }],
  ])("%s %o", (key, mods, to) => {
    expect(moveFor(from, { key, ...mods }, size)).toEqual({ to });
  });

  it("stays inside the grid at its edges", () => {
    expect(moveFor({ row: 0, col: 0 }, { key: "ArrowUp" }, size)).toEqual({ to: { row: 0, col: 0 } });
    expect(moveFor({ row: 99, col: 4 }, { key: "ArrowDown" }, size)).toEqual({ to: { row: 99, col: 4 } });
    expect(moveFor({ row: 99, col: 4 }, { key: "ArrowRight" }, size)).toEqual({ to: { row: 99, col: 4 } });
  });

  it("lets Tab leave past the last cell and Shift+Tab before the first", () => {
    expect(moveFor({ row: 3, col: 4 }, { key: "Tab" }, size)).toEqual({ leave: true });
    expect(moveFor({ row: 3, col: 0 }, { key: "Tab", shiftKey: true }, size)).toEqual({ leave: true });
  });

  it("ignores other keys and empty grids", () => {
    expect(moveFor(from, { key: "a" }, size)).toBeNull();
    expect(moveFor(from, { key: "ArrowDown" }, { ...size, rows: 0 })).toBeNull();
  });
});

describe("moveAfterCommit", () => {
  it("moves down on Enter, sideways on Tab, never out", () => {
    expect(moveAfterCommit(from, "enter", size)).toEqual({ row: 6, col: 2 });
    expect(moveAfterCommit({ row: 99, col: 2 }, "enter", size)).toEqual({ row: 99, col: 2 });
    expect(moveAfterCommit({ row: 1, col: 4 }, "tab", size)).toEqual({ row: 1, col: 4 });
    expect(moveAfterCommit(from, "shiftTab", size)).toEqual({ row: 5, col: 1 });
    expect(moveAfterCommit(from, "stay", size)).toEqual(from);
  });
});

describe("isTypingKey", () => {
  it("is a printable character without a command modifier", () => {
    expect(isTypingKey({ key: "a" })).toBe(true);
    expect(isTypingKey({ key: " " })).toBe(true);
    expect(isTypingKey({ key: "a", ctrlKey: true })).toBe(false);
    expect(isTypingKey({ key: "Enter" })).toBe(false);
  });
});

describe("scrollToShow", () => {
  const view = { view: 300, sticky: 36 };
  it("keeps a visible box where it is", () => expect(scrollToShow({ ...view, scroll: 0, start: 72, size: 36 })).toBe(0));
  it("scrolls up so the box is below the sticky header", () => expect(scrollToShow({ ...view, scroll: 500, start: 400, size: 36 })).toBe(364));
  it("scrolls down so the box ends at the view's end", () => expect(scrollToShow({ ...view, scroll: 0, start: 400, size: 36 })).toBe(136));
});
