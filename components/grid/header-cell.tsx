"use client";
import { memo } from "react";
import type { GridField } from "@/lib/records/grid";
import { isOwnField } from "@/lib/grid/cell-edit";
import { FieldTypeGlyph } from "./field-type-glyph";
import { FieldMenu, type FieldMenuAction } from "./field-menu";
import { LockIcon } from "./lock-icon";
import { ROW_NUMBER_WIDTH } from "./columns";

const LOCK_TITLE = "Synced field: its values come from the source system and cannot be edited here.";

type Props = {
  field: GridField;
  index: number;
  count: number;
  width: number;
  pinned: boolean;
  sorted: "asc" | "desc" | false;
  onSort: (field: GridField) => void;
  // null: the user may not change fields.
  onMenu: ((field: GridField, action: FieldMenuAction) => void) | null;
};

// A field's header: sort button (type glyph, name, direction), the lock of a synced field, and
// the menu of an own field for those who may change fields.
export const HeaderCell = memo(function HeaderCell({ field, index, count, width, pinned, sorted, onSort, onMenu }: Props) {
  const own = isOwnField(field);
  return (
    <div
      role="columnheader"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
      className={`flex items-center border-r border-gray-200 bg-gray-100 ${pinned ? "sticky z-10 shadow-[1px_0_0_#d1d5db]" : ""}`}
      style={{ width, left: pinned ? ROW_NUMBER_WIDTH : undefined }}
    >
      <button
        type="button"
        className="flex h-full w-full min-w-0 items-center gap-1.5 px-2 text-left hover:bg-gray-200"
        onClick={() => onSort(field)}
        title={`Sort by ${field.name}`}
      >
        {!own && <LockIcon label="Synced" title={LOCK_TITLE} />}
        <FieldTypeGlyph field={field} />
        <span data-testid="field-name" className="min-w-0 flex-1 truncate">
          {field.name}
        </span>
        <span aria-hidden className="text-xs text-gray-500">
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
        </span>
      </button>
      {own && onMenu && <FieldMenu field={field} canMoveLeft={index > 1} canMoveRight={index < count - 1} onAction={(action) => onMenu(field, action)} />}
    </div>
  );
});
