"use client";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { isOwnField } from "@/lib/grid/cell-edit";
import { ownFieldTypeInfo } from "@/lib/grid/own-field-types";
import { AnyCell } from "./cells/any-cell";
import { SYNCED_HELP } from "./grid-context";
import { InfoDialog } from "./info-dialog";
import { LockIcon } from "./lock-icon";
import { RecordFieldEditor } from "./record-field-editor";
import type { SaveStatusStore } from "./save-status";
import type { SaveCell } from "./use-cell-save";

type Props = {
  record: GridRecord | null;
  fields: GridField[];
  canEdit: boolean;
  store: SaveStatusStore;
  saveCell: SaveCell;
  onClose: () => void;
  onClosed: () => void;
};

const NOT_DELETABLE =
  "Synced records cannot be deleted by hand: this table mirrors its source. Remove the row from the source system; the next sync deletes the record (when the sync is set to delete missing records).";

// The whole record in a modal dialog: its key as title, every field with its type; synced fields
// locked, own fields editable with the grid's editors and saving.
export function RecordView({ record, fields, canEdit, store, saveCell, onClose, onClosed }: Props) {
  return (
    <InfoDialog open={record !== null} title={record?.key ?? ""} onClose={onClose} onClosed={onClosed}>
      {record && (
        <>
          <ul className="space-y-3">
            {fields.map((field) => (
              <RecordFieldRow key={field.id} record={record} field={field} editable={canEdit && isOwnField(field)} store={store} saveCell={saveCell} />
            ))}
          </ul>
          <p className="mt-4 border-t border-gray-200 pt-3 text-xs text-gray-700">
            Record id <code className="font-mono">{record.id}</code>. {NOT_DELETABLE}
          </p>
        </>
      )}
    </InfoDialog>
  );
}

function RecordFieldRow(props: { record: GridRecord; field: GridField; editable: boolean; store: SaveStatusStore; saveCell: SaveCell }) {
  const { record, field, editable } = props;
  const info = ownFieldTypeInfo(field.type);
  const own = isOwnField(field);
  const labelId = `record-field-${field.id}`;
  return (
    <li className="grid grid-cols-[11rem_1fr] items-start gap-3">
      <div id={labelId} className="flex items-center gap-1.5 pt-1 text-sm font-medium text-gray-800">
        <span aria-hidden className="w-5 text-center font-mono text-xs text-gray-600">
          {info.icon}
        </span>
        <span className="min-w-0 truncate">{field.name}</span>
        {!own && <LockIcon label="Synced" title={SYNCED_HELP} />}
      </div>
      <div className="min-w-0">
        <span className="block text-xs text-gray-600">
          {info.label}
          {own ? (editable ? "" : " · read only for your role") : ` · ${SYNCED_HELP}`}
        </span>
        {editable ? (
          <RecordFieldEditor record={record} field={field} labelId={labelId} store={props.store} saveCell={props.saveCell} />
        ) : (
          <div className="min-h-7 py-1 break-words whitespace-pre-wrap" aria-labelledby={labelId} role="group">
            <AnyCell field={field} value={(record.cells as Record<string, unknown>)[field.id]} inGrid={false} />
          </div>
        )}
      </div>
    </li>
  );
}
