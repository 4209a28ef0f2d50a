// How the own-only types show a value: a tick (drawn by CSS; the cell's text is "Checked" or
// "Not checked"), or choice chips.
import { choicesOf, selectedNames, type EditableField } from "@/lib/grid/cell-edit";
import { ChoiceChip } from "./choice-chip";

export function CheckboxCell({ checked }: { checked: boolean }) {
  return (
    <span className="flex items-center">
      <span
        aria-hidden
        className={`flex h-4 w-4 items-center justify-center rounded border text-xs leading-none ${checked ? "border-green-700 bg-green-600 text-white after:content-['✓']" : "border-gray-400 bg-white"}`}
      />
      <span className="sr-only">{checked ? "Checked" : "Not checked"}</span>
    </span>
  );
}

export function SelectCell({ field, value }: { field: EditableField; value: unknown }) {
  const names = selectedNames(value);
  if (names.length === 0) return null;
  const colors = new Map(choicesOf(field).map((c) => [c.name, c.color]));
  return (
    <span className="flex min-w-0 gap-1 overflow-hidden">
      {names.map((name) => (
        <ChoiceChip key={name} name={name} color={colors.get(name)} />
      ))}
    </span>
  );
}
