"use client";
import type { GridField } from "@/lib/records/grid";
import { useExpandCell } from "./cell-context";

// Clamped to the row; the button opens the whole text in a dialog.
export function LongTextCell({ field, text }: { field: GridField; text: string }) {
  const expand = useExpandCell();
  const firstLine = text.split("\n", 1)[0];
  const clamped = firstLine !== text || text.length > 80;
  return (
    <span className="flex min-w-0 items-center gap-1">
      <span className="min-w-0 flex-1 truncate">{firstLine}</span>
      {clamped && (
        <button
          type="button"
          tabIndex={-1}
          className="shrink-0 rounded border border-gray-300 bg-white px-1 text-xs text-gray-600 hover:bg-gray-100"
          aria-label={`Show all of ${field.name}`}
          onClick={() => expand(field, text)}
        >
          …
        </button>
      )}
    </span>
  );
}
