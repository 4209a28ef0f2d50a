"use client";
import { memo } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { isOwnField } from "@/lib/grid/cell-edit";
import type { SyncProblemJson } from "@/lib/sync-shapes/json";
import { ROW_HEIGHT, ROW_NUMBER_WIDTH, type GridLayout } from "./columns";
import { GridCell } from "./grid-cell";
import { useGridActions, type EditState } from "./grid-context";

type Props = {
  index: number;
  start: number;
  record: GridRecord | undefined;
  fields: GridField[];
  layout: GridLayout;
  // The active column when this row holds the active cell, else -1: other rows' props stay equal.
  activeCol: number;
  editing: EditState | null;
  canEdit: boolean;
  problems: Map<string, SyncProblemJson> | undefined;
};

// One row, memoised: a focus move or an edit re-renders the rows it touches, not the grid.
export const GridRow = memo(function GridRow({ index, start, record, fields, layout, activeCol, editing, canEdit, problems }: Props) {
  const actions = useGridActions();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`group absolute left-0 flex w-full border-b border-gray-100 bg-white hover:bg-blue-50 ${activeCol >= 0 ? "z-10" : ""}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div
        role="gridcell"
        id={`cell-${index}-0`}
        data-pos={`${index}:0`}
        tabIndex={activeCol === 0 ? 0 : -1}
        ref={(el) => {
          if (el && activeCol === 0 && actions.wantFocus.current) {
            actions.wantFocus.current = false;
            el.focus({ preventScroll: true });
          }
        }}
        className="sticky left-0 z-10 flex items-center justify-end gap-1 bg-inherit px-2 text-xs text-gray-600 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600"
        style={{ width: ROW_NUMBER_WIDTH }}
      >
        {record && (
          <button
            type="button"
            tabIndex={-1}
            className="invisible rounded px-1 text-gray-700 group-hover:visible group-focus-within:visible hover:bg-gray-200"
            aria-label={`Expand row ${index + 1}`}
            title="Open the whole record (Enter)"
            onClick={() => actions.openRecord(index)}
          >
            ⤢
          </button>
        )}
        {index + 1}
      </div>
      {fields.map((field, i) => {
        const col = i + 1;
        const pinnedLeft = i === 0 ? ROW_NUMBER_WIDTH : null;
        if (!record) {
          return (
            <div key={field.id} role="gridcell" data-pos={`${index}:${col}`} tabIndex={activeCol === col ? 0 : -1} className="flex items-center px-2" style={{ width: layout.widths[i] }}>
              <span className="h-3 w-2/3 motion-safe:animate-pulse rounded bg-gray-100" />
            </div>
          );
        }
        return (
          <GridCell
            key={field.id}
            record={record}
            field={field}
            row={index}
            col={col}
            width={layout.widths[i]}
            pinnedLeft={pinnedLeft}
            active={activeCol === col}
            editing={editing && editing.col === col ? editing : null}
            editable={canEdit && isOwnField(field)}
            problem={field.column ? problems?.get(field.column.trim().toLowerCase()) : undefined}
          />
        );
      })}
    </div>
  );
});
