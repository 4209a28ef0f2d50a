"use client";
import { flexRender, getCoreRowModel, useReactTable, type Header, type SortingState } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { getFieldTypeModule } from "@/lib/fields/registry";
import { Cell } from "./cells";
import { buildColumns, ROW_HEIGHT, ROW_NUMBER_WIDTH } from "./columns";
import { LockIcon } from "./lock-icon";
import { ProblemMarker } from "./problem-marker";
import type { CellProblems } from "./use-cell-problems";
import type { GridSort } from "./use-records";

type Props = {
  fields: GridField[];
  records: GridRecord[];
  total: number;
  // Rows for the current sort or search are still loading (the rows shown may be the previous ones).
  busy: boolean;
  sort: GridSort;
  onSortChange: (sort: GridSort) => void;
  onNeedRows: (lastVisibleIndex: number) => void;
  onRecordMenu: (record: GridRecord, rowNumber: number) => void;
  // Changes when the query (sort, search) changes: the grid scrolls back to the first row.
  queryKey: string;
  // Cells of the latest applied run that did not parse (corner markers).
  problems: CellProblems;
  // "Show in grid": the cell to scroll to and focus once its record is among the rows.
  target: { key: string; column: string } | null;
  onTargetShown: () => void;
};

const LOCK_TITLE = "Synced field: its values come from the source system and cannot be edited here.";

// The virtualised grid: only the rows in view (plus overscan) are in the DOM. The header row
// sticks to the top, the row numbers and the primary field stick to the left.
export function RecordGrid({ fields, records, total, busy, sort, onSortChange, onNeedRows, onRecordMenu, queryKey, problems, target, onTargetShown }: Props) {
  const columns = useMemo(() => buildColumns(fields), [fields]);
  const sorting: SortingState = sort ? [{ id: sort.fieldId, desc: sort.direction === "desc" }] : [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table's v8 hook; its instance is not memoised by the compiler
  const table = useReactTable({
    data: records,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (record) => record.id,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnPinning: { left: fields[0] ? [fields[0].id] : [] } },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      onSortChange(next[0] ? { fieldId: next[0].id, direction: next[0].desc ? "desc" : "asc" } : null);
    },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialRect: { width: 1200, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => onNeedRows(lastIndex), [lastIndex, records.length, onNeedRows]);
  useEffect(() => virtualizer.scrollToOffset(0), [queryKey, virtualizer]);

  const rows = table.getRowModel().rows;

  // "Show in grid": scroll the record's row into view, then the cell, and focus it.
  useEffect(() => {
    if (!target) return;
    const index = records.findIndex((r) => r.key === target.key);
    const field = fields.find((f) => f.column?.trim().toLowerCase() === target.column.trim().toLowerCase());
    if (index < 0 || !field) return;
    virtualizer.scrollToIndex(index, { align: "center" });
    const frame = requestAnimationFrame(() => {
      const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${records[index].id}:${field.id}`)}"]`);
      if (!cell) return;
      cell.scrollIntoView({ block: "nearest", inline: "nearest" });
      cell.focus();
      onTargetShown();
    });
    return () => cancelAnimationFrame(frame);
  }, [target, records, fields, virtualizer, onTargetShown]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = ROW_NUMBER_WIDTH + headers.reduce((sum, h) => sum + h.getSize(), 0);
  const primaryId = fields[0]?.id;
  const stickyLeft = (id: string) => (id === primaryId ? "sticky z-10 bg-inherit shadow-[1px_0_0_#d1d5db]" : "");

  return (
    <div
      ref={scrollRef}
      className="relative min-h-0 flex-1 overflow-auto border-t border-gray-200 bg-white text-sm"
      role="table"
      aria-label="Records"
      aria-rowcount={total + 1}
      aria-busy={busy}
    >
      <div style={{ width, minWidth: "100%" }}>
        <div role="rowgroup" className="sticky top-0 z-20">
          <div role="row" aria-rowindex={1} className="flex border-b border-gray-300 bg-gray-100 font-medium text-gray-700" style={{ height: ROW_HEIGHT }}>
            <div role="columnheader" className="sticky left-0 z-10 bg-gray-100 px-2 py-2 text-right text-xs text-gray-500" style={{ width: ROW_NUMBER_WIDTH }}>
              <span className="sr-only">Row</span>
            </div>
            {headers.map((header) => (
              <HeaderCell key={header.id} header={header} pinned={stickyLeft(header.id)} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={row?.id ?? `pending-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                className="group absolute left-0 flex w-full border-b border-gray-100 bg-white hover:bg-blue-50"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="sticky left-0 z-10 flex items-center justify-end gap-1 bg-inherit px-2 text-xs text-gray-500" style={{ width: ROW_NUMBER_WIDTH }}>
                  {row && (
                    <button
                      type="button"
                      className="invisible rounded px-1 text-gray-600 group-hover:visible hover:bg-gray-200 focus:visible"
                      aria-label={`Record actions for row ${item.index + 1}`}
                      onClick={() => onRecordMenu(row.original, item.index + 1)}
                    >
                      ⋯
                    </button>
                  )}
                  {item.index + 1}
                </div>
                {row
                  ? row.getVisibleCells().map((cell) => {
                      const field = (cell.column.columnDef.meta as { field: GridField }).field;
                      const problem = (field.column === null ? undefined : problems.get(row.original.key)?.get(field.column.trim().toLowerCase()));
                      return (
                        <div
                          key={cell.id}
                          role="cell"
                          data-cell={`${row.id}:${field.id}`}
                          tabIndex={-1}
                          className={`relative flex items-center border-r border-gray-100 px-2 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600 ${problem ? "" : "overflow-hidden"} ${stickyLeft(cell.column.id)}`}
                          style={{ width: cell.column.getSize(), left: cell.column.id === primaryId ? ROW_NUMBER_WIDTH : undefined }}
                        >
                          <div className="min-w-0 flex-1 overflow-hidden">
                            <Cell field={field} value={cell.getValue() as never} />
                          </div>
                          {problem && <ProblemMarker value={problem.value} reason={problem.reason} />}
                        </div>
                      );
                    })
                  : headers.map((h) => (
                      <div key={h.id} role="cell" className="flex items-center px-2" style={{ width: h.getSize() }}>
                        <span className="h-3 w-2/3 animate-pulse rounded bg-gray-100" />
                      </div>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function HeaderCell({ header, pinned }: { header: Header<GridRecord, unknown>; pinned: string }) {
  const sorted = header.column.getIsSorted();
  const field = (header.column.columnDef.meta as { field: GridField }).field;
  const typeModule = getFieldTypeModule(field.type);
  return (
    <div
      role="columnheader"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
      className={`flex items-center border-r border-gray-200 bg-gray-100 ${pinned}`}
      style={{ width: header.getSize(), left: pinned ? ROW_NUMBER_WIDTH : undefined }}
    >
      <button
        type="button"
        className="flex h-full w-full min-w-0 items-center gap-1.5 px-2 text-left hover:bg-gray-200"
        onClick={header.column.getToggleSortingHandler()}
        title={`Sort by ${field.name}`}
      >
        <LockIcon label="Synced" title={LOCK_TITLE} />
        <span className="w-5 shrink-0 text-center font-mono text-xs text-gray-600" title={`${typeModule.label} field`}>
          <span aria-hidden>{typeModule.type === "currency" && field.options?.symbol ? field.options.symbol : typeModule.icon}</span>
          <span className="sr-only">{typeModule.label}:</span>
        </span>
        <span data-testid="field-name" className="min-w-0 flex-1 truncate">{flexRender(header.column.columnDef.header, header.getContext())}</span>
        <span aria-hidden className="text-xs text-gray-500">
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
        </span>
      </button>
    </div>
  );
}
