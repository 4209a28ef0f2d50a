"use client";
// Primary key: the field whose value identifies a record, with warnings from the sample. Columns
// that are unique and non-empty in the sample are marked, and the best one is preselected.
import { useEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { includedFields, type WizardValues } from "@/lib/sync-wizard/form";
import { bestKeyColumn, keyWarnings, recommendedKeyColumns } from "@/lib/sync-wizard/key";
import { FieldError, inputClass } from "../wizard-frame";

export const RECOMMENDED_KEY = "unique in the sample — recommended";

export function KeyStep({ header, sampleRows }: { header: string[]; sampleRows: string[][] }) {
  const { register, formState, setValue, trigger } = useFormContext<WizardValues>();
  const [fields, fieldSelection, primaryKey] = useWatch<WizardValues, ["fields", "fieldSelection", "primaryKey"]>({
    name: ["fields", "fieldSelection", "primaryKey"],
  });
  const chosen = includedFields({ fields, fieldSelection });
  const columns = chosen.map((f) => f.column);
  const recommended = new Set(recommendedKeyColumns(header, sampleRows, columns));
  const best = bestKeyColumn(header, sampleRows, columns);
  const keyField = chosen.find((f) => f.column === primaryKey);
  const warnings = keyField ? keyWarnings(header, sampleRows, keyField.column, keyField.name.trim() || keyField.column) : [];
  const error = formState.errors.primaryKey?.message;
  const hasError = Boolean(error);

  // Nothing chosen yet when the step opens: start from the best column of the sample (once, so
  // choosing "Select an option" afterwards stays a choice).
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current) return;
    preselected.current = true;
    if (!primaryKey && best) setValue("primaryKey", best, { shouldDirty: true });
  }, [primaryKey, best, setValue]);

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
          {...register("primaryKey", {
            // Validate as the choice changes once an error shows, so a valid choice clears it at once.
            onChange: () => (hasError ? trigger("primaryKey") : undefined),
          })}
        >
          <option value="">Select an option</option>
          {chosen.map((f) => (
            <option key={f.column} value={f.column}>
              {f.name.trim() || f.column}
              {recommended.has(f.column) ? ` (${RECOMMENDED_KEY})` : ""}
            </option>
          ))}
        </select>
        <FieldError id="primary-key-error" message={error} />
        {recommended.size > 0 && (
          <p className="mt-1 text-xs text-gray-600">
            Fields marked “{RECOMMENDED_KEY}” have a value in every sample row and no value twice.
          </p>
        )}
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
