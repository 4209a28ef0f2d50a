// Any field's value for display: own-only types here, the sync types by their module's renderer.
import { editorKindOf } from "@/lib/grid/cell-edit";
import type { CellValue } from "@/lib/fields/types";
import type { GridField } from "@/lib/records/grid";
import { Cell } from "./index";
import { CheckboxCell, SelectCell } from "./own-cells";

export function AnyCell({ field, value, inGrid = true }: { field: GridField; value: unknown; inGrid?: boolean }) {
  const kind = editorKindOf(field.type);
  if (kind === "checkbox") return <CheckboxCell checked={value === true} />;
  if (kind === "singleSelect" || kind === "multipleSelects") return <SelectCell field={field} value={value} />;
  return <Cell field={field} value={value as CellValue | undefined} inGrid={inGrid} />;
}
