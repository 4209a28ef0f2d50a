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

export function Cell({ field, value }: { field: GridField; value: CellValue | undefined }): JSX.Element | null {
  if (value === undefined || value === null || value === "") return null;
  const text = String(value);
  const cell = getFieldTypeModule(field.type).gridCell;
  switch (cell.kind) {
    case "formatted":
      return <FormattedCell field={field} value={value} />;
    case "link":
      return <LinkCell text={text} href={cell.href(text)} newTab={cell.newTab} />;
    case "longText":
      return <LongTextCell field={field} text={text} />;
    case "text":
      return <TextCell text={text} />;
    // Plain renderings of the own-field kinds; the grid's editors (issue 14) draw them richer.
    case "checkbox":
      return <TextCell text={value === true ? "✓" : ""} />;
    case "choices":
      return <FormattedCell field={field} value={value} />;
  }
}
