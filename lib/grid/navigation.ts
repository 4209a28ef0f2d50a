// Where a key press moves the grid's focus, as in a spreadsheet. Pure: the grid calls it with the
// active position and the grid's size, and scrolls and focuses whatever it answers.
// Columns: 0 is the row header (row number and expand button), 1… are the fields.

export type GridPos = { row: number; col: number };
export type GridSize = { rows: number; cols: number; pageRows: number };
export type KeyInput = { key: string; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean };

// `leave`: Tab past the last cell (or Shift+Tab before the first) lets the browser move focus on,
// so the grid is one tab stop and never a keyboard trap.
export type Move = { to: GridPos } | { leave: true } | null;

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

export function moveFor(pos: GridPos, input: KeyInput, size: GridSize): Move {
  if (size.rows === 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const firstField = Math.min(1, lastCol);
  const jump = input.ctrlKey || input.metaKey;
  const at = (row: number, col: number): Move => ({ to: { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) } });
  switch (input.key) {
    case "ArrowUp":
      return at(jump ? 0 : pos.row - 1, pos.col);
    case "ArrowDown":
      return at(jump ? lastRow : pos.row + 1, pos.col);
    case "ArrowLeft":
      return at(pos.row, jump ? 0 : pos.col - 1);
    case "ArrowRight":
      return at(pos.row, jump ? lastCol : pos.col + 1);
    case "Home":
      return at(jump ? 0 : pos.row, firstField);
    case "End":
      return at(jump ? lastRow : pos.row, lastCol);
    case "PageUp":
      return at(pos.row - size.pageRows, pos.col);
    case "PageDown":
      return at(pos.row + size.pageRows, pos.col);
    case "Tab":
      if (input.shiftKey) return pos.col <= 0 ? { leave: true } : at(pos.row, pos.col - 1);
      return pos.col >= lastCol ? { leave: true } : at(pos.row, pos.col + 1);
    default:
      return null;
  }
}

// After an edit is committed: Enter moves down (staying on the last row), Tab right or left.
export function moveAfterCommit(pos: GridPos, how: "enter" | "tab" | "shiftTab" | "stay", size: GridSize): GridPos {
  if (how === "enter") return { row: Math.min(pos.row + 1, size.rows - 1), col: pos.col };
  if (how === "tab") return { row: pos.row, col: Math.min(pos.col + 1, size.cols - 1) };
  if (how === "shiftTab") return { row: pos.row, col: Math.max(pos.col - 1, 0) };
  return pos;
}

// A printable character that should start an edit (not a shortcut).
export const isTypingKey = (input: KeyInput & { altKey?: boolean }) =>
  input.key.length === 1 && !input.ctrlKey && !input.metaKey && !input.altKey;

// How far the focus must scroll so a box [start, start + size) shows between a sticky part at the
// start of the view (header row, pinned columns) and its end. Answers the new scroll offset.
export function scrollToShow(input: { scroll: number; view: number; sticky: number; start: number; size: number }): number {
  const { scroll, view, sticky, start, size } = input;
  if (start - sticky < scroll) return Math.max(0, start - sticky);
  if (start + size > scroll + view) return start + size - view;
  return scroll;
}
