"use client";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { useHydrated } from "@/components/ui/use-hydrated";
import { editorKindOf, isOwnField, valueOfDraft } from "@/lib/grid/cell-edit";
import { isTypingKey, moveAfterCommit, moveFor, scrollToShow, type GridPos } from "@/lib/grid/navigation";
import { ADD_FIELD_WIDTH, layoutOf, ROW_HEIGHT, ROW_NUMBER_WIDTH } from "./columns";
import { GridActionsContext, SYNCED_HELP, SYNCED_HELP_ID, type CommitHow, type EditState, type GridActions } from "./grid-context";
import { GridRow } from "./grid-row";
import { HeaderCell } from "./header-cell";
import type { FieldMenuAction } from "./field-menu";
import { cellKey, type SaveStatusStore } from "./save-status";
import type { SaveCell } from "./use-cell-save";
import type { CellProblems } from "./use-cell-problems";
import type { GridSort } from "./use-records";

export type RecordGridHandle = { focusActive: () => void };

type Props = {
  fields: GridField[];
  records: GridRecord[];
  total: number;
  // Rows for the current sort or search are still loading (the rows shown may be the previous ones).
  busy: boolean;
  sort: GridSort;
  onSortChange: (sort: GridSort) => void;
  onNeedRows: (lastVisibleIndex: number) => void;
  onOpenRecord: (record: GridRecord) => void;
  // Changes when the query (sort, search) changes: the grid scrolls back to the first row.
  queryKey: string;
  // Cells of the latest applied run that did not parse (corner markers).
  problems: CellProblems;
  // "Show in grid": the cell to scroll to and focus once its record is among the rows.
  target: { key: string; column: string } | null;
  onTargetShown: () => void;
  canEdit: boolean;
  store: SaveStatusStore;
  saveCell: SaveCell;
  // null: the user may not add or change fields.
  onAddField: (() => void) | null;
  onFieldMenu: ((field: GridField, action: FieldMenuAction) => void) | null;
  handle?: Ref<RecordGridHandle>;
};

const cellOf = (record: GridRecord, fieldId: string): unknown => (record.cells as Record<string, unknown>)[fieldId];

const nextSort = (sort: GridSort, fieldId: string): GridSort => {
  if (sort?.fieldId !== fieldId) return { fieldId, direction: "asc" };
  return sort.direction === "asc" ? { fieldId, direction: "desc" } : null;
};

// A cell's place in the grid, from its data-pos ("row:col").
function posOf(cell: HTMLElement): GridPos {
  const [row, col] = cell.dataset.pos!.split(":").map(Number);
  return { row, col };
}

// The virtualised, keyboard-first grid (ARIA grid pattern with a roving tab stop): only the rows
// in view (plus overscan, plus the active row) are in the DOM. Arrow keys, Tab, Home/End and
// PageUp/PageDown move; on an own field typing or Enter edits, Space ticks a checkbox, Delete
// clears; Enter elsewhere opens the record. The header row sticks to the top, the row numbers
// and the primary field to the left.
export function RecordGrid(props: Props) {
  const { fields, records, total, busy, sort, onSortChange, onNeedRows, queryKey, problems, target, onTargetShown, canEdit } = props;
  const layout = useMemo(() => layoutOf(fields), [fields]);
  const [wanted, setActive] = useState<GridPos>({ row: 0, col: 1 });
  // Inside the grid as it is now (a re-sync removed rows, a field was deleted): there is always a
  // tab stop.
  const active = useMemo(
    () => ({ row: Math.max(0, Math.min(wanted.row, total - 1)), col: Math.min(wanted.col, fields.length) }),
    [wanted, total, fields.length],
  );
  const [editing, setEditing] = useState<EditState | null>(null);
  const wantFocus = useRef(false);
  // Separate from wantFocus: the cell's effect (a child's, so first) takes that one.
  const wantScroll = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The server-rendered grid cannot answer the keyboard yet: it says it is busy until React has
  // taken it over (tests wait on this before they press keys).
  const hydrated = useHydrated();

  const activeRow = active.row;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeRow < range.count && !indexes.includes(activeRow)) indexes.push(activeRow);
      return indexes.sort((a, b) => a - b);
    },
    [activeRow],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's hook; the rows below are memoised by hand
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialRect: { width: 1200, height: 720 },
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => onNeedRows(lastIndex), [lastIndex, records.length, onNeedRows]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setActive((a) => ({ row: 0, col: a.col }));
    setEditing(null);
  }, [queryKey, virtualizer]);

  // The latest values for the callbacks below, which stay the same for the grid's life.
  const latest = useRef({ records, fields, active, total, props });
  useLayoutEffect(() => {
    latest.current = { records, fields, active, total, props };
  });

  const size = useCallback(() => {
    const view = scrollRef.current?.clientHeight ?? 720;
    return { rows: latest.current.total, cols: latest.current.fields.length + 1, pageRows: Math.max(1, Math.floor(view / ROW_HEIGHT) - 2) };
  }, []);

  const moveTo = useCallback((pos: GridPos) => {
    wantFocus.current = true;
    wantScroll.current = true;
    setActive(pos);
  }, []);

  // Keep the active cell in view below the sticky header and right of the pinned columns.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !wantScroll.current) return;
    wantScroll.current = false;
    el.scrollTop = scrollToShow({ scroll: el.scrollTop, view: el.clientHeight, sticky: ROW_HEIGHT, start: ROW_HEIGHT + active.row * ROW_HEIGHT, size: ROW_HEIGHT });
    if (active.col > 1) {
      const i = active.col - 1;
      const pinned = ROW_NUMBER_WIDTH + (layout.widths[0] ?? 0);
      el.scrollLeft = scrollToShow({ scroll: el.scrollLeft, view: el.clientWidth, sticky: pinned, start: layout.lefts[i], size: layout.widths[i] });
    }
  }, [active, layout]);

  const actions = useMemo<GridActions>(() => {
    const finish = (how: CommitHow | null) => {
      if (how === null) return;
      if (how === "blur") {
        wantFocus.current = false;
        setEditing(null);
        return;
      }
      wantFocus.current = true;
      wantScroll.current = true;
      setEditing(null);
      setActive((pos) => moveAfterCommit(pos, how, size()));
    };
    return {
      store: props.store,
      wantFocus,
      commitText(record, field, text, how) {
        const result = valueOfDraft(field, text);
        if (result.ok) latest.current.props.saveCell(record, field, result.value);
        else props.store.set(cellKey(record.id, field.id), { state: "failed", reason: result.reason }, `Not saved: ${field.name}: ${result.reason} The previous value is kept.`);
        finish(how);
      },
      commitValue(record, field, value, how) {
        latest.current.props.saveCell(record, field, value);
        finish(how);
      },
      cancelEdit(how = "stay") {
        finish(how);
      },
      openRecord(row) {
        const record = latest.current.records[row];
        if (!record) return;
        setActive((pos) => ({ row, col: pos.row === row ? pos.col : 0 }));
        latest.current.props.onOpenRecord(record);
      },
      activate(row, col) {
        setActive((pos) => (pos.row === row && pos.col === col ? pos : { row, col }));
      },
      // The editor takes the focus itself; the cell gets it back when the edit ends.
      startEdit(row, col, initial) {
        wantScroll.current = true;
        setActive({ row, col });
        setEditing({ row, col, initial });
      },
    };
    // props.store is fixed for the table view's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size]);

  useImperativeHandle(props.handle, () => ({
    // The active row is always rendered, so its cell is there to take the focus.
    focusActive: () => {
      const { row, col } = latest.current.active;
      scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${row}:${col}"]`)?.focus({ preventScroll: true });
    },
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-pos]");
    if (!cell || editing || e.target !== cell) return;
    // The key acts on the focused cell: one focused before React took the grid over (a click while
    // the page was loading) never said so, and the key would act on the cell active at first.
    const at = posOf(cell);
    if (at.row !== active.row || at.col !== active.col) actions.activate(at.row, at.col);
    const move = moveFor(at, e, size());
    if (move) {
      if ("leave" in move) return;
      e.preventDefault();
      moveTo(move.to);
      return;
    }
    const record = records[at.row];
    const field = fields[at.col - 1];
    if (!record) return;
    const editable = !!field && canEdit && isOwnField(field);
    const kind = field ? editorKindOf(field.type) : null;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (!editable) actions.openRecord(at.row);
      else if (kind === "checkbox") props.saveCell(record, field, cellOf(record, field.id) === true ? null : true);
      else actions.startEdit(at.row, at.col, null);
    } else if (e.key === " " && (!editable || kind === "checkbox")) {
      e.preventDefault();
      if (editable) props.saveCell(record, field, cellOf(record, field.id) === true ? null : true);
      else if (at.col === 0) actions.openRecord(at.row);
    } else if ((e.key === "Delete" || e.key === "Backspace") && editable) {
      e.preventDefault();
      props.saveCell(record, field, null);
    } else if (editable && kind !== "checkbox" && isTypingKey(e)) {
      e.preventDefault();
      actions.startEdit(at.row, at.col, e.key);
    }
  };

  // "Show in grid": scroll the record's row into view, then the cell, and focus it.
  useEffect(() => {
    if (!target) return;
    const index = records.findIndex((r) => r.key === target.key);
    const col = fields.findIndex((f) => f.column?.trim().toLowerCase() === target.column.trim().toLowerCase());
    if (index < 0 || col < 0) return;
    moveTo({ row: index, col: col + 1 });
    onTargetShown();
  }, [target, records, fields, moveTo, onTargetShown]);

  const onHeaderSort = useCallback((field: GridField) => onSortChange(nextSort(latest.current.props.sort, field.id)), [onSortChange]);

  return (
    <GridActionsContext.Provider value={actions}>
      <div
        ref={scrollRef}
        className="relative min-h-0 flex-1 overflow-auto border-t border-gray-200 bg-white text-sm"
        role="grid"
        aria-label="Records"
        aria-rowcount={total + 1}
        aria-colcount={fields.length + 1}
        aria-busy={busy || !hydrated}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const el = e.target as HTMLElement;
          if (!el.dataset.pos) return;
          const { row, col } = posOf(el);
          actions.activate(row, col);
        }}
      >
        <span id={SYNCED_HELP_ID} hidden>
          {SYNCED_HELP}
        </span>
        <div style={{ width: layout.total + (props.onAddField ? ADD_FIELD_WIDTH : 0), minWidth: "100%" }}>
          <div role="rowgroup" className="sticky top-0 z-20">
            <div role="row" aria-rowindex={1} className="flex border-b border-gray-300 bg-gray-100 font-medium text-gray-700" style={{ height: ROW_HEIGHT }}>
              <div role="columnheader" className="sticky left-0 z-10 bg-gray-100 px-2 py-2 text-right text-xs text-gray-600" style={{ width: ROW_NUMBER_WIDTH }}>
                <span className="sr-only">Row</span>
              </div>
              {fields.map((field, i) => (
                <HeaderCell
                  key={field.id}
                  field={field}
                  index={i}
                  count={fields.length}
                  width={layout.widths[i]}
                  pinned={i === 0}
                  sorted={sort?.fieldId === field.id ? sort.direction : false}
                  onSort={onHeaderSort}
                  onMenu={props.onFieldMenu}
                />
              ))}
              {props.onAddField && (
                <div role="columnheader" className="flex items-center justify-center bg-gray-100" style={{ width: ADD_FIELD_WIDTH }}>
                  <button type="button" aria-label="Add field" title="Add field" onClick={props.onAddField} className="h-full w-full text-lg leading-none text-gray-700 hover:bg-gray-200">
                    +
                  </button>
                </div>
              )}
            </div>
          </div>
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const record = records[item.index];
              const isActive = item.index === active.row;
              return (
                <GridRow
                  key={record?.id ?? `pending-${item.index}`}
                  index={item.index}
                  start={item.start}
                  record={record}
                  fields={fields}
                  layout={layout}
                  activeCol={isActive ? active.col : -1}
                  editing={isActive && editing?.row === item.index ? editing : null}
                  canEdit={canEdit}
                  problems={record ? problems.get(record.key) : undefined}
                />
              );
            })}
          </div>
        </div>
      </div>
    </GridActionsContext.Provider>
  );
}
