import { ownFieldTypeInfo } from "@/lib/grid/own-field-types";
import type { GridField } from "@/lib/records/grid";

// A field type's glyph with its name for screen readers ("Number:", "Single select:").
export function FieldTypeGlyph({ field }: { field: Pick<GridField, "type" | "options"> }) {
  const info = ownFieldTypeInfo(field.type);
  const symbol = field.type === "currency" && field.options?.symbol ? field.options.symbol : info.icon;
  return (
    <span className="w-5 shrink-0 text-center font-mono text-xs text-gray-600" title={`${info.label} field`}>
      <span aria-hidden>{symbol}</span>
      <span className="sr-only">{info.label}:</span>
    </span>
  );
}
