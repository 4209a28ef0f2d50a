"use client";
// Primary key: the field whose value identifies a record, with warnings from the sample.
import { useFormContext, useWatch } from "react-hook-form";
import { includedFields, type WizardValues } from "@/lib/sync-wizard/form";
import { keyWarnings } from "@/lib/sync-wizard/key";
import { FieldError, inputClass } from "../wizard-frame";

export function KeyStep({ header, sampleRows }: { header: string[]; sampleRows: string[][] }) {
  const { register, formState } = useFormContext<WizardValues>();
  const [fields, fieldSelection, primaryKey] = useWatch<WizardValues, ["fields", "fieldSelection", "primaryKey"]>({
    name: ["fields", "fieldSelection", "primaryKey"],
  });
  const chosen = includedFields({ fields, fieldSelection });
  const keyField = chosen.find((f) => f.column === primaryKey);
  const warnings = keyField ? keyWarnings(header, sampleRows, keyField.column, keyField.name.trim() || keyField.column) : [];
  const error = formState.errors.primaryKey?.message;
  return (
    <div>
      <h3 className="text-base font-semibold">Primary key</h3>
      <p className="mt-1 text-sm text-gray-700">
        Choose the field whose value uniquely identifies a record, such as an id, a SKU or an ISBN. When a request arrives,
        rows are matched to records by this value: matching records are updated, new values create records.
      </p>
      <div className="mt-4 max-w-md">
        <label htmlFor="primary-key" className="block text-sm font-medium">
          Primary key field
        </label>
        <select
          id="primary-key"
          className={`${inputClass} mt-1`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "primary-key-error" : undefined}
          {...register("primaryKey")}
        >
          <option value="">Select an option</option>
          {chosen.map((f) => (
            <option key={f.column} value={f.column}>
              {f.name.trim() || f.column}
            </option>
          ))}
        </select>
        <FieldError id="primary-key-error" message={error} />
      </div>
      {warnings.length > 0 && (
        <ul aria-label="Primary key warnings" className="mt-4 space-y-2">
          {warnings.map((w) => (
            <li key={w} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span aria-hidden>⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
