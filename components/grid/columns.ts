import type { ColumnDef } from "@tanstack/react-table";
import type { FieldType } from "@/lib/fields/types";
import type { GridField, GridRecord } from "@/lib/records/grid";

const WIDTHS: Record<FieldType, number> = {
  singleLineText: 200,
  multilineText: 260,
  email: 220,
  url: 240,
  phoneNumber: 160,
  number: 120,
  currency: 140,
  percent: 100,
  duration: 110,
  date: 120,
};

export const ROW_HEIGHT = 36;
export const ROW_NUMBER_WIDTH = 64;

// One column per field, accessed by field id; sorting is done by the server.
export function buildColumns(fields: GridField[]): ColumnDef<GridRecord>[] {
  return fields.map((field) => ({
    id: field.id,
    header: field.name,
    accessorFn: (record) => record.cells[field.id],
    size: Math.max(WIDTHS[field.type], Math.min(320, field.name.length * 9 + 60)),
    enableSorting: true,
    sortDescFirst: false,
    meta: { field },
  }));
}
