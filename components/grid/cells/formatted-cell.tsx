import { formatCell, getFieldTypeModule } from "@/lib/fields/registry";
import type { CellValue } from "@/lib/fields/types";
import type { GridField } from "@/lib/records/grid";

// Numbers, currency, percent, durations and dates in the field's precision, symbol and format.
export function FormattedCell({ field, value }: { field: GridField; value: CellValue }) {
  const text = formatCell(field.type, field.options, value);
  return (
    <span className={`block truncate tabular-nums ${getFieldTypeModule(field.type).align === "right" ? "text-right" : ""}`} title={text}>
      {text}
    </span>
  );
}
