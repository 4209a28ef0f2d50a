"use client";
// A setting shown as the sentence of its current choice with a "Change" button, as in the
// reference; "Change" opens the alternatives as radio buttons.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { WizardValues } from "@/lib/sync-wizard/form";

type Name = "updateMethod" | "deletion";

export function SettingChoice({ name, title, choices }: { name: Name; title: string; choices: { value: string; sentence: string }[] }) {
  const { register } = useFormContext<WizardValues>();
  const value = useWatch<WizardValues, Name>({ name });
  const [editing, setEditing] = useState(false);
  const current = choices.find((c) => c.value === value) ?? choices[0];
  const titleId = `setting-${name}`;
  return (
    <div className="border-b border-gray-100 py-3 last:border-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <h4 id={titleId} className="text-sm font-semibold">
            {title}
          </h4>
          {!editing && <p className="mt-0.5 text-sm text-gray-700">{current.sentence}</p>}
        </div>
        <button
          type="button"
          aria-label={editing ? `Done with ${title}` : `Change ${title}`}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
          className="rounded border border-gray-300 px-3 py-1 text-sm font-medium hover:bg-gray-50"
        >
          {editing ? "Done" : "Change"}
        </button>
      </div>
      {editing && (
        <fieldset aria-labelledby={titleId} className="mt-2 space-y-2">
          {choices.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2 text-sm">
              <input type="radio" value={choice.value} className="mt-0.5" {...register(name)} />
              <span>{choice.sentence}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
