import type { ColumnDef } from "@tanstack/react-table";
import { getFieldTypeModule } from "@/lib/fields/registry";
import type { GridField, GridRecord } from "@/lib/records/grid";

export const ROW_HEIGHT = 36;
export const ROW_NUMBER_WIDTH = 64;

// One column per field, accessed by field id; sorting is done by the server.
export function buildColumns(fields: GridField[]): ColumnDef<GridRecord>[] {
  return fields.map((field) => ({
    id: field.id,
    header: field.name,
    accessorFn: (record) => record.cells[field.id],
    size: Math.max(getFieldTypeModule(field.type).gridWidth, Math.min(320, field.name.length * 9 + 60)),
    enableSorting: true,
    sortDescFirst: false,
    meta: { field },
  }));
}
