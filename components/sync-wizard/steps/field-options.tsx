"use client";
// The chosen type's options (FieldTypeModule.optionKeys): precision, currency symbol, and the
// format choices the type offers (FieldTypeModule.formatChoices).
import { useFormContext, useWatch } from "react-hook-form";
import { FIELD_TYPE_MODULES } from "@/lib/fields/registry";
import type { FieldTypeModule } from "@/lib/fields/types";
import type { WizardValues } from "@/lib/sync-wizard/form";
import { inputClass } from "../wizard-frame";

const PRECISIONS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

const precisionExample = (p: number) => (p === 0 ? "1" : `1.${"0".repeat(p)}`);

export function FieldOptionsControls({ index, label }: { index: number; label: string }) {
  const { register, formState } = useFormContext<WizardValues>();
  const type = useWatch<WizardValues, `fields.${number}.type`>({ name: `fields.${index}.type` });
  const typeModule: FieldTypeModule | undefined = FIELD_TYPE_MODULES[type];
  const keys = typeModule?.optionKeys ?? [];
  if (!typeModule || keys.length === 0) return null;
  const { formatChoices } = typeModule;
  const symbolError = formState.errors.fields?.[index]?.options?.symbol?.message;
  const small = inputClass.replace("w-full ", "");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {keys.includes("symbol") && (
        <label className="flex items-center gap-1 text-xs text-gray-600">
          Symbol
          <input
            aria-label={`Currency symbol for ${label}`}
            className={`${small} w-14`}
            maxLength={5}
            {...register(`fields.${index}.options.symbol`)}
          />
          {symbolError && <span className="text-red-700">{symbolError}</span>}
        </label>
      )}
      {keys.includes("precision") && (
        <label className="flex items-center gap-1 text-xs text-gray-600">
          Precision
          <select
            aria-label={`Precision for ${label}`}
            className={small}
            {...register(`fields.${index}.options.precision`, { setValueAs: (v) => Number(v) })}
          >
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {precisionExample(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      {keys.includes("dateFormat") && (
        <select aria-label={`Date format for ${label}`} className={small} {...register(`fields.${index}.options.dateFormat`)}>
          {Object.entries(formatChoices.dateFormat ?? {}).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
      {keys.includes("durationFormat") && (
        <select
          aria-label={`Duration format for ${label}`}
          className={small}
          {...register(`fields.${index}.options.durationFormat`)}
        >
          {Object.entries(formatChoices.durationFormat ?? {}).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
