// Spreadsheet formula injection guard for the CSV download. No server imports.
//
// The rule: a TEXT cell (single line, long text, email, URL, phone) whose value starts with
// = + - @ (or a tab or carriage return) is written with one leading space, so Excel, LibreOffice
// and Google Sheets read it as text instead of evaluating it. Numbers, currency, percent,
// durations and dates are never prefixed (-3 stays -3). The sync trims every text value and the
// primary key before storing it, so posting the download back to the same sync reads the very
// same values: zero created, updated or deleted. (A leading apostrophe would be kept by the sync
// as part of the text and turn every round trip of such a value into an update.)
import { isSearchable } from "../fields/registry";
import type { FieldType } from "../fields/types";

const FORMULA_START = /^[=+\-@\t\r]/;

// Text-like types are the searchable ones (FieldTypeModule.searchable).
export function isTextType(type: FieldType): boolean {
  return isSearchable(type);
}

// Text that is written as text whatever its field's type (the header, a key that is not of its type).
export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) ? ` ${text}` : text;
}

export function guardCsvCell(type: FieldType, text: string): string {
  return isTextType(type) ? guardCsvText(text) : text;
}
