"use client";
import { memo, useLayoutEffect, useRef } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { choicesOf, draftOf, editorKindOf, isOwnField, toggleName } from "@/lib/grid/cell-edit";
import { AnyCell } from "./cells/any-cell";
import { ChoicePicker } from "./editors/choice-picker";
import { TextEditor } from "./editors/text-editor";
import { SYNCED_HELP, SYNCED_HELP_ID, useGridActions, type EditState } from "./grid-context";
import { LOCK_PATH } from "./lock-icon";
import { ProblemMarker } from "./problem-marker";
import { SaveMarker } from "./save-marker";
import { cellKey, useCellSaveStatus } from "./save-status";
import type { SyncProblemJson } from "@/lib/sync-shapes/json";

type Props = {
  record: GridRecord;
  field: GridField;
  row: number;
  col: number;
  width: number;
  pinnedLeft: number | null;
  active: boolean;
  editing: EditState | null;
  editable: boolean;
  problem: SyncProblemJson | undefined;
};

// One field's cell. Only the active cell is a tab stop; it takes focus when the grid moves it.
export const GridCell = memo(function GridCell({ record, field, row, col, width, pinnedLeft, active, editing, editable, problem }: Props) {
  const actions = useGridActions();
  const ref = useRef<HTMLDivElement>(null);
  const own = isOwnField(field);
  const status = useCellSaveStatus(actions.store, cellKey(record.id, field.id));
  const value = (record.cells as Record<string, unknown>)[field.id];
  useLayoutEffect(() => {
    if (active && !editing && actions.wantFocus.current && ref.current) {
      actions.wantFocus.current = false;
      ref.current.focus({ preventScroll: true });
    }
  }, [active, editing, actions]);

  const kind = editorKindOf(field.type);
  const label = `${field.name}, row ${row + 1}`;
  let editor = null;
  if (editing && (kind === "text" || kind === "longText")) {
    editor = (
      <div className="absolute inset-x-0 top-0 z-30">
        <TextEditor
          label={label}
          multiline={kind === "longText"}
          initial={editing.initial ?? draftOf(field, value)}
          onCommit={(text, how) => actions.commitText(record, field, text, how)}
          onCancel={actions.cancelEdit}
          className={kind === "longText" ? "min-h-28 py-1" : "h-9"}
        />
      </div>
    );
  } else if (editing && (kind === "singleSelect" || kind === "multipleSelects")) {
    const multiple = kind === "multipleSelects";
    editor = (
      <ChoicePicker
        fieldName={field.name}
        choices={choicesOf(field)}
        value={value}
        multiple={multiple}
        initialFilter={editing.initial ?? ""}
        onPick={(name, how) => {
          if (multiple) actions.commitValue(record, field, toggleName(field, value, name), null);
          else actions.commitValue(record, field, name, how === "click" || how === "enter" ? "stay" : how);
        }}
        onClose={(how) => (how === "blur" || how === "escape" ? actions.cancelEdit(how === "blur" ? "blur" : "stay") : actions.commitValue(record, field, value, how))}
      />
    );
  }

  return (
    <div
      ref={ref}
      role="gridcell"
      id={`cell-${row}-${col}`}
      data-pos={`${row}:${col}`}
      data-cell={`${record.id}:${field.id}`}
      tabIndex={active ? 0 : -1}
      aria-readonly={!editable || undefined}
      aria-describedby={own ? undefined : SYNCED_HELP_ID}
      onDoubleClick={() => editable && actions.startEdit(row, col, null)}
      onClick={() => editable && kind === "checkbox" && actions.commitValue(record, field, value === true ? null : true, null)}
      className={`group/cell relative flex items-center border-r border-gray-100 px-2 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600 ${
        status?.state === "failed" ? "bg-red-50" : ""
      } ${pinnedLeft !== null ? "sticky z-10 bg-inherit shadow-[1px_0_0_#d1d5db]" : ""}`}
      style={{ width, left: pinnedLeft ?? undefined }}
    >
      <div className="min-w-0 flex-1 overflow-hidden">
        <AnyCell field={field} value={value} />
      </div>
      {problem && <ProblemMarker value={problem.value} reason={problem.reason} />}
      {status && <SaveMarker status={status} />}
      {active && !own && (
        // The text is drawn by CSS (attr), so it is not part of the cell's text; the accessible
        // description (aria-describedby) says the same to screen readers.
        <span
          aria-hidden
          data-tip={SYNCED_HELP}
          className="pointer-events-none absolute top-full left-0 z-40 mt-0.5 hidden w-max max-w-80 items-center gap-1.5 rounded-md bg-gray-900 px-2 py-1 text-xs text-white shadow-lg group-focus/cell:flex after:content-[attr(data-tip)]"
        >
          <svg viewBox="0 0 16 16" width="12" height="12" className="shrink-0 fill-current">
            <path d={LOCK_PATH} />
          </svg>
        </span>
      )}
      {editor}
    </div>
  );
});
