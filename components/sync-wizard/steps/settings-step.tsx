"use client";
// Settings: update method, deletion, how long deleted records keep their ids, and the table name.
import { useFormContext } from "react-hook-form";
import type { WizardValues } from "@/lib/sync-wizard/form";
import { FieldError, inputClass } from "../wizard-frame";
import { SettingChoice } from "./setting-choice";

export const UPDATE_METHODS = [
  { value: "auto", sentence: "Automatically update whenever an API request is received" },
  { value: "manual", sentence: "Only sync changes when requested" },
];

export const DELETIONS = [
  {
    value: "delete",
    sentence: "Records that are no longer present in the CSV request body sent in the most recent API request will be deleted",
  },
  { value: "keep", sentence: "Leave the records in this table" },
];

export function SettingsStep({ serverError }: { serverError: string | null }) {
  const { register, formState } = useFormContext<WizardValues>();
  const tableNameError = formState.errors.tableName?.message;
  const retentionError = formState.errors.retentionDays?.message;
  const percentError = formState.errors.maxDeletePercent?.message;
  const methodError = formState.errors.updateMethod?.message ?? formState.errors.deletion?.message;
  return (
    <div>
      <h3 className="text-base font-semibold">Settings</h3>
      <div className="mt-4 max-w-md">
        <label htmlFor="table-name" className="block text-sm font-medium">
          Table name
        </label>
        <input
          id="table-name"
          className={`${inputClass} mt-1`}
          aria-invalid={tableNameError ? true : undefined}
          aria-describedby={tableNameError ? "table-name-error" : undefined}
          {...register("tableName")}
        />
        <FieldError id="table-name-error" message={tableNameError} />
      </div>
      <div className="mt-4">
        <SettingChoice name="updateMethod" title="Update method" choices={UPDATE_METHODS} />
        <SettingChoice name="deletion" title="Deletion" choices={DELETIONS} />
        <FieldError message={methodError} />
      </div>
      <div className="mt-2 max-w-md">
        <label htmlFor="max-delete-percent" className="block text-sm font-medium">
          Refuse a request that would delete more than (% of the records)
        </label>
        <p className="text-xs text-gray-500">
          Leave empty for no limit. A request without data rows never deletes records. A sender that means it adds{" "}
          <code>?allowMassDeletion=true</code> to the URL.
        </p>
        <input
          id="max-delete-percent"
          type="number"
          min={1}
          max={100}
          placeholder="off"
          className={`${inputClass.replace("w-full ", "")} mt-1 w-32`}
          aria-invalid={percentError ? true : undefined}
          aria-describedby={percentError ? "max-delete-percent-error" : undefined}
          {...register("maxDeletePercent", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) })}
        />
        <FieldError id="max-delete-percent-error" message={percentError} />
      </div>
      <div className="mt-2 max-w-md">
        <label htmlFor="retention-days" className="block text-sm font-medium">
          Keep record ids of deleted records for (days)
        </label>
        <p className="text-xs text-gray-500">A record whose key comes back within this window gets its old record id back.</p>
        <input
          id="retention-days"
          type="number"
          min={0}
          max={3650}
          className={`${inputClass.replace("w-full ", "")} mt-1 w-32`}
          aria-invalid={retentionError ? true : undefined}
          aria-describedby={retentionError ? "retention-days-error" : undefined}
          {...register("retentionDays", { valueAsNumber: true })}
        />
        <FieldError id="retention-days-error" message={retentionError} />
      </div>
      <FieldError message={serverError} />
    </div>
  );
}
