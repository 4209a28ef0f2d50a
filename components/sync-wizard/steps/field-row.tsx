"use client";
// One CSV column on the fields step: tick (specific mode), name, type and its options, and the
// ways to move it (drag handle, Move up / Move down for keyboards).
import { useFormContext, useWatch } from "react-hook-form";
import { FIELD_TYPE_LABELS, SYNC_FIELD_TYPES } from "@/lib/fields/registry";
import type { FieldType } from "@/lib/fields/types";
import { optionsForType, type WizardField, type WizardValues } from "@/lib/sync-wizard/form";
import { FieldError, inputClass } from "../wizard-frame";
import { FieldOptionsControls } from "./field-options";

export type DragHandlers = {
  onDragStart: (index: number) => void;
  onDragEnter: (index: number) => void;
  onDrop: (index: number) => void;
  onDragEnd: () => void;
};

type Props = {
  index: number;
  count: number;
  specific: boolean;
  dropTarget: boolean;
  drag: DragHandlers;
  onMove: (from: number, to: number) => void;
};

export function FieldRow({ index, count, specific, dropTarget, drag, onMove }: Props) {
  const { register, setValue, formState } = useFormContext<WizardValues>();
  const field = useWatch<WizardValues, `fields.${number}`>({ name: `fields.${index}` }) as WizardField;
  const label = field.name.trim() || field.column;
  const nameError = formState.errors.fields?.[index]?.name?.message;
  const typeError = formState.errors.fields?.[index]?.type?.message;
  const included = !specific || field.selected;
  const nameId = `field-${index}-name`;

  return (
    <li
      onDragOver={(e) => e.preventDefault()}
      onDragEnter={() => drag.onDragEnter(index)}
      onDrop={(e) => {
        e.preventDefault();
        drag.onDrop(index);
      }}
      data-testid="field-row"
      className={`flex flex-wrap items-start gap-2 rounded-md border bg-white p-2 sm:flex-nowrap ${
        dropTarget ? "border-blue-500 ring-2 ring-blue-200" : "border-gray-200"
      } ${included ? "" : "opacity-60"}`}
    >
      <span
        draggable
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = "move";
          e.dataTransfer.setData("text/plain", String(index));
          const row = e.currentTarget.closest("li");
          if (row) e.dataTransfer.setDragImage(row, 16, 16);
          drag.onDragStart(index);
        }}
        onDragEnd={drag.onDragEnd}
        title={`Drag to move ${label}`}
        aria-hidden
        className="mt-1.5 cursor-grab select-none px-1 text-gray-500 active:cursor-grabbing"
        data-testid="drag-handle"
      >
        ⠿
      </span>
      {specific && (
        <input
          type="checkbox"
          aria-label={`Sync ${field.column}`}
          className="mt-2 h-4 w-4"
          {...register(`fields.${index}.selected`)}
        />
      )}
      <div className="min-w-0 flex-1 basis-40">
        <input
          id={nameId}
          aria-label={`Field name for ${field.column}`}
          className={inputClass}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${nameId}-error` : undefined}
          {...register(`fields.${index}.name`)}
        />
        {field.name.trim() !== field.column && <p className="mt-0.5 text-xs text-gray-500">CSV column: {field.column}</p>}
        <FieldError id={`${nameId}-error`} message={nameError} />
      </div>
      <div className="w-full sm:w-44 sm:shrink-0">
        <select
          aria-label={`Type for ${label}`}
          className={inputClass}
          aria-invalid={typeError ? true : undefined}
          {...register(`fields.${index}.type`, {
            onChange: (e: React.ChangeEvent<HTMLSelectElement>) =>
              setValue(`fields.${index}.options`, optionsForType(e.target.value as FieldType)),
          })}
        >
          {SYNC_FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIELD_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <FieldError message={typeError} />
      </div>
      <div className="sm:w-56 sm:shrink-0">
        <FieldOptionsControls index={index} label={label} />
      </div>
      <div className="ml-auto flex shrink-0 gap-1">
        <button
          type="button"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          className="rounded border border-gray-300 px-2 py-1 text-sm disabled:opacity-30"
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${label} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
          className="rounded border border-gray-300 px-2 py-1 text-sm disabled:opacity-30"
        >
          ↓
        </button>
      </div>
    </li>
  );
}
