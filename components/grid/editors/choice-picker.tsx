"use client";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { filterChoices, selectedNames, type Choice } from "@/lib/grid/cell-edit";
import { ChoiceChip } from "../cells/choice-chip";

type Props = {
  fieldName: string;
  choices: Choice[];
  value: unknown;
  multiple: boolean;
  initialFilter: string;
  // single: the chosen name; multiple: the name to toggle. `how` says how the choice was made.
  onPick: (name: string, how: "enter" | "tab" | "shiftTab" | "click") => void;
  onClose: (how: "escape" | "tab" | "shiftTab" | "blur") => void;
};

// A select's picker: a filter box (type to filter) over a listbox of the field's choices. Arrows
// move, Enter chooses (toggles in a multiple select, which stays open), Escape closes.
export function ChoicePicker({ fieldName, choices, value, multiple, initialFilter, onPick, onClose }: Props) {
  const [filter, setFilter] = useState(initialFilter);
  const [highlight, setHighlight] = useState(0);
  const shown = useMemo(() => filterChoices(choices, filter), [choices, filter]);
  const selected = new Set(selectedNames(value));
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const closed = useRef(false);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);
  const current = shown[Math.min(highlight, shown.length - 1)];
  const optionId = (c: Choice) => `${listId}-${c.id}`;

  const close = (how: "escape" | "tab" | "shiftTab" | "blur") => {
    if (closed.current) return;
    closed.current = true;
    onClose(how);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setHighlight((h) => Math.max(0, Math.min(shown.length - 1, Math.min(h, shown.length - 1) + step)));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!current) return;
      if (!multiple) closed.current = true;
      onPick(current.name, "enter");
    } else if (e.key === "Escape") {
      e.preventDefault();
      close("escape");
    } else if (e.key === "Tab") {
      e.preventDefault();
      close(e.shiftKey ? "shiftTab" : "tab");
    }
  };

  return (
    <div className="absolute top-full left-0 z-40 mt-0.5 w-64 rounded-md border border-gray-300 bg-white p-1 text-sm text-gray-900 shadow-lg">
      <input
        ref={input}
        role="combobox"
        aria-label={`Choose ${fieldName}`}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        value={filter}
        placeholder="Find a choice"
        onChange={(e) => {
          setFilter(e.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => close("blur")}
        className="mb-1 w-full rounded border border-gray-300 px-2 py-1 text-sm"
      />
      <ul id={listId} role="listbox" aria-label={fieldName} aria-multiselectable={multiple || undefined} className="max-h-56 overflow-auto">
        {shown.map((c) => (
          <li
            key={c.id}
            id={optionId(c)}
            role="option"
            aria-selected={selected.has(c.name)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              if (!multiple) closed.current = true;
              onPick(c.name, "click");
            }}
            className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1 ${c === current ? "bg-blue-100 outline outline-1 outline-blue-600" : ""}`}
          >
            <span aria-hidden className="w-3 text-blue-700">{selected.has(c.name) ? "✓" : ""}</span>
            <ChoiceChip name={c.name} color={c.color} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="px-2 py-1 text-gray-600">No choice matches “{filter}”.</p>}
    </div>
  );
}
