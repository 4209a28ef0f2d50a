// One renderer per kind of grid cell; each field type says which it uses (FieldTypeModule.gridCell).
// Every value is rendered as React text, never as HTML.
import type { JSX } from "react";
import { getFieldTypeModule } from "@/lib/fields/registry";
import type { CellValue } from "@/lib/fields/types";
import type { GridField } from "@/lib/records/grid";
import { FormattedCell } from "./formatted-cell";
import { LinkCell } from "./link-cell";
import { LongTextCell } from "./long-text-cell";
import { TextCell } from "./text-cell";

// `inGrid`: inside the grid, whose one tab stop is the active cell, links and buttons are not tab
// stops (Enter on the cell opens the record, where they are); elsewhere long text shows whole.
export function Cell({ field, value, inGrid = true }: { field: GridField; value: CellValue | undefined; inGrid?: boolean }): JSX.Element | null {
  if (value === undefined || value === null || value === "") return null;
  const text = String(value);
  const cell = getFieldTypeModule(field.type).gridCell;
  switch (cell.kind) {
    case "formatted":
      return <FormattedCell field={field} value={value} />;
    case "link":
      return <LinkCell text={text} href={cell.href(text)} newTab={cell.newTab} focusable={!inGrid} />;
    case "longText":
      return inGrid ? <LongTextCell field={field} text={text} /> : <span className="whitespace-pre-wrap">{text}</span>;
    case "text":
      return <TextCell text={text} />;
    // Plain renderings of the own-field kinds; the grid's editors (issue 14) draw them richer.
    case "checkbox":
      return <TextCell text={value === true ? "✓" : ""} />;
    case "choices":
      return <FormattedCell field={field} value={value} />;
  }
}
