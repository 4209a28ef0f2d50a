import { getFieldTypeModule } from "@/lib/fields/registry";
import type { GridField } from "@/lib/records/grid";

export const ROW_HEIGHT = 36;
export const ROW_NUMBER_WIDTH = 72;
export const ADD_FIELD_WIDTH = 44;

export function columnWidth(field: GridField): number {
  return Math.max(getFieldTypeModule(field.type).gridWidth, Math.min(320, field.name.length * 9 + 80));
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
