import { getFieldTypeModule } from "@/lib/fields/registry";
import type { FieldType } from "@/lib/fields/types";
import type { GridField } from "@/lib/records/grid";

export const ROW_HEIGHT = 36;
export const ROW_NUMBER_WIDTH = 72;
export const ADD_FIELD_WIDTH = 44;

// Own field types that are not sync types have no module width; they are narrow.
const NARROW: Record<string, number> = { checkbox: 110, singleSelect: 170, multipleSelects: 220 };

export function columnWidth(field: GridField): number {
  const base = NARROW[field.type] ?? getFieldTypeModule(field.type as FieldType).gridWidth;
  return Math.max(base, Math.min(320, field.name.length * 9 + 80));
}

// Each field column's width and left edge (after the row-number column), and the total width.
export type GridLayout = { widths: number[]; lefts: number[]; total: number };

export function layoutOf(fields: GridField[]): GridLayout {
  const widths = fields.map(columnWidth);
  const lefts: number[] = [];
  let x = ROW_NUMBER_WIDTH;
  for (const w of widths) {
    lefts.push(x);
    x += w;
  }
  return { widths, lefts, total: x };
}
