// One renderer per field type. Every value is rendered as React text, never as HTML.
import type { CellValue } from "@/lib/fields/types";
import type { GridField } from "@/lib/records/grid";
import { mailtoHref, telHref, webHref } from "@/lib/records/links";
import { FormattedCell } from "./formatted-cell";
import { LinkCell } from "./link-cell";
import { LongTextCell } from "./long-text-cell";
import { TextCell } from "./text-cell";

export function Cell({ field, value }: { field: GridField; value: CellValue | undefined }) {
  if (value === undefined || value === null || value === "") return null;
  const text = String(value);
  switch (field.type) {
    case "number":
    case "currency":
    case "percent":
    case "duration":
    case "date":
      return <FormattedCell field={field} value={value} />;
    case "email":
      return <LinkCell text={text} href={mailtoHref(text)} />;
    case "url":
      return <LinkCell text={text} href={webHref(text)} newTab />;
    case "phoneNumber":
      return <LinkCell text={text} href={telHref(text)} />;
    case "multilineText":
      return <LongTextCell field={field} text={text} />;
    default:
      return <TextCell text={text} />;
  }
}
