"use client";
import { useRef, useState } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { choicesOf, draftOf, editorKindOf, toggleName, valueOfDraft } from "@/lib/grid/cell-edit";
import { SelectCell } from "./cells/own-cells";
import { ChoicePicker } from "./editors/choice-picker";
import { SaveMarker } from "./save-marker";
import { cellKey, useCellSaveStatus, type SaveStatusStore } from "./save-status";
import type { SaveCell } from "./use-cell-save";

type Props = { record: GridRecord; field: GridField; labelId: string; store: SaveStatusStore; saveCell: SaveCell };

// An own field's editor in the record view. Saves like the grid: text on Enter (Ctrl+Enter in
// long text) or when focus leaves, a checkbox on toggle, a select when a choice is picked.
// Escape in a changed text puts the saved value back (and keeps the dialog open).
export function RecordFieldEditor({ record, field, labelId, store, saveCell }: Props) {
  const value = (record.cells as Record<string, unknown>)[field.id];
  const kind = editorKindOf(field.type);
  const status = useCellSaveStatus(store, cellKey(record.id, field.id));
  let control;
  if (kind === "checkbox") {
    control = (
      <input type="checkbox" aria-labelledby={labelId} checked={value === true} onChange={(e) => saveCell(record, field, e.target.checked ? true : null)} className="h-4 w-4" />
    );
  } else if (kind === "singleSelect" || kind === "multipleSelects") {
    control = <SelectControl record={record} field={field} value={value} labelId={labelId} saveCell={saveCell} />;
  } else {
    control = <TextControl key={record.id} record={record} field={field} value={value} labelId={labelId} store={store} saveCell={saveCell} />;
  }
  return (
    <div className="flex items-start gap-1">
      <div className="min-w-0 flex-1">{control}</div>
      {status && <SaveMarker status={status} />}
      {status?.state === "failed" && <span className="sr-only">{status.reason}</span>}
    </div>
  );
}

function TextControl({ record, field, value, labelId, store, saveCell }: Props & { value: unknown }) {
  const saved = draftOf(field, value);
  const [text, setText] = useState(saved);
  // The value the server answered (this write, or someone else's) replaces the text.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setText(saved);
  }
  const multiline = editorKindOf(field.type) === "longText";
  const commit = () => {
    if (text === saved) return;
    const result = valueOfDraft(field, text);
    if (result.ok) saveCell(record, field, result.value);
    else {
      store.set(cellKey(record.id, field.id), { state: "failed", reason: result.reason }, `Not saved: ${field.name}: ${result.reason} The previous value is kept.`);
      setText(saved);
    }
  };
  const common = {
    value: text,
    "aria-labelledby": labelId,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape" && text !== saved) {
        e.preventDefault();
        setText(saved);
      } else if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      }
    },
    className: "w-full rounded-md border border-gray-300 bg-white px-2 py-1 text-sm",
  };
  return multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />;
}

function SelectControl({ record, field, value, labelId, saveCell }: Omit<Props, "store"> & { value: unknown }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const multiple = editorKindOf(field.type) === "multipleSelects";
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-labelledby={`${labelId} ${labelId}-value`}
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="flex min-h-8 w-full items-center rounded-md border border-gray-300 bg-white px-2 py-1 text-left text-sm"
      >
        <span id={`${labelId}-value`} className="min-w-0 flex-1">
          {value === undefined ? <span className="text-gray-600">Choose…</span> : <SelectCell field={field} value={value} />}
        </span>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div onKeyDown={(e) => e.key === "Escape" && e.preventDefault()}>
          <ChoicePicker
            fieldName={field.name}
            choices={choicesOf(field)}
            value={value}
            multiple={multiple}
            initialFilter=""
            onPick={(name) => {
              if (multiple) saveCell(record, field, toggleName(field, value, name));
              else {
                saveCell(record, field, name);
                close();
              }
            }}
            onClose={(how) => (how === "blur" ? setOpen(false) : close())}
          />
        </div>
      )}
    </div>
  );
}
