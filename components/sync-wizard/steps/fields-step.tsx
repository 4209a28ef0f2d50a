"use client";
// Fields: all or specific columns, their order (drag, or Move up / Move down), names and types,
// with a live preview of the sample rows.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { WizardValues } from "@/lib/sync-wizard/form";
import { FieldError } from "../wizard-frame";
import { FieldRow, type DragHandlers } from "./field-row";
import { PreviewTable } from "./preview-table";

type Props = {
  rowIds: string[];
  onMove: (from: number, to: number) => void;
  header: string[];
  sampleRows: string[][];
  notice: string | null;
  serverError: string | null;
};

export function FieldsStep({ rowIds, onMove, header, sampleRows, notice, serverError }: Props) {
  const { register, formState } = useFormContext<WizardValues>();
  const fieldSelection = useWatch<WizardValues, "fieldSelection">({ name: "fieldSelection" });
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const specific = fieldSelection === "specific";
  const listError =
    (formState.errors.fields as { root?: { message?: string }; message?: string } | undefined)?.root?.message ??
    (formState.errors.fields as { message?: string } | undefined)?.message;

  const drag: DragHandlers = {
    onDragStart: (i) => setDragFrom(i),
    onDragEnter: (i) => dragFrom !== null && setDropAt(i),
    onDrop: (i) => {
      if (dragFrom !== null && dragFrom !== i) onMove(dragFrom, i);
      setDragFrom(null);
      setDropAt(null);
    },
    onDragEnd: () => {
      setDragFrom(null);
      setDropAt(null);
    },
  };

  return (
    <div>
      <h3 className="text-base font-semibold">Fields</h3>
      <p className="mt-1 text-sm text-gray-700">
        Choose which columns of the CSV to sync, their order, names and field types.
      </p>
      {notice && (
        <p role="status" className="mt-3 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
          {notice}
        </p>
      )}
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Fields to sync</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" value="all" className="mt-0.5" {...register("fieldSelection")} />
            <span>
              All fields
              <span className="block text-xs text-gray-500">Columns added to the CSV later become new fields.</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" value="specific" className="mt-0.5" {...register("fieldSelection")} />
            <span>
              Specific fields
              <span className="block text-xs text-gray-500">Only the ticked columns sync, now and later.</span>
            </span>
          </label>
        </div>
      </fieldset>
      <FieldError message={listError ?? serverError} />
      <p className="mt-4 text-xs text-gray-500">Drag a field by its handle, or use its arrow buttons, to change the order.</p>
      <ul aria-label="Fields" className="mt-2 space-y-2">
        {rowIds.map((id, index) => (
          <FieldRow
            key={id}
            index={index}
            count={rowIds.length}
            specific={specific}
            dropTarget={dropAt === index && dragFrom !== index}
            drag={drag}
            onMove={onMove}
          />
        ))}
      </ul>
      <PreviewTable header={header} rows={sampleRows} />
    </div>
  );
}
