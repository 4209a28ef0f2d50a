"use client";
import { colorLabel, nextColor, SELECT_COLORS } from "@/lib/grid/select-colors";
import { ChoiceChip } from "./cells/choice-chip";

export type DraftChoice = { key: number; name: string; color: string };

// A select field's choices while it is being added: a name and a colour each, add and remove.
export function ChoicesEditor({ choices, onChange }: { choices: DraftChoice[]; onChange: (next: DraftChoice[]) => void }) {
  const update = (key: number, patch: Partial<DraftChoice>) => onChange(choices.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className="mt-3">
      <legend className="text-sm font-medium">Choices</legend>
      <ul className="mt-1 space-y-2">
        {choices.map((c, i) => (
          <li key={c.key} className="flex items-center gap-2">
            <input
              aria-label={`Choice ${i + 1} name`}
              value={c.name}
              onChange={(e) => update(c.key, { name: e.target.value })}
              className="min-w-0 flex-1 rounded-md border border-gray-300 px-2 py-1"
            />
            <select aria-label={`Choice ${i + 1} colour`} value={c.color} onChange={(e) => update(c.key, { color: e.target.value })} className="rounded-md border border-gray-300 px-1 py-1">
              {SELECT_COLORS.map((color) => (
                <option key={color} value={color}>
                  {colorLabel(color)}
                </option>
              ))}
            </select>
            <span className="w-16 truncate">
              <ChoiceChip name={c.name || "—"} color={c.color} />
            </span>
            <button
              type="button"
              aria-label={`Remove choice ${i + 1}${c.name ? ` (${c.name})` : ""}`}
              onClick={() => onChange(choices.filter((x) => x.key !== c.key))}
              className="rounded px-2 py-1 text-gray-700 hover:bg-gray-100"
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => onChange([...choices, { key: Date.now() + choices.length, name: "", color: nextColor(choices.length) }])}
        className="mt-2 rounded-md border border-gray-300 px-2 py-1 text-sm hover:bg-gray-50"
      >
        Add choice
      </button>
    </fieldset>
  );
}
