// What editing a cell means for each kind of own field: which editor opens, the text an edit
// starts from, and the value a draft turns into (the record write's JSON value, null to clear).
// Pure and shared by the grid and the record view; the server checks every value again.
import { coerceCell, getFieldTypeModule } from "../fields/registry";
import type { CellValue, FieldOptions, FieldType } from "../fields/types";

export type EditorKind = "text" | "longText" | "checkbox" | "singleSelect" | "multipleSelects";

export type Choice = { id: string; name: string; color?: string };

// The field as far as editing goes (a grid field or a table field).
export type EditableField = { id: string; name: string; type: FieldType | string; options?: FieldOptions | null; origin?: string };

export const isOwnField = (field: { origin?: string }) => field.origin === "own";

export function editorKindOf(type: string): EditorKind {
  if (type === "checkbox" || type === "singleSelect" || type === "multipleSelects") return type;
  return type === "multilineText" ? "longText" : "text";
}

export function choicesOf(field: EditableField): Choice[] {
  const choices = (field.options as { choices?: unknown } | null | undefined)?.choices;
  return Array.isArray(choices) ? (choices as Choice[]) : [];
}

// The text an edit of a text-like cell starts from: what parses back to the same value.
export function draftOf(field: EditableField, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  return getFieldTypeModule(field.type as FieldType).toCsv(value as CellValue, field.options ?? {});
}

export type DraftResult = { ok: true; value: CellValue | null } | { ok: false; reason: string };

// A text draft → the value to write, by the field type's own parse (the rule a sync uses too).
export function valueOfDraft(field: EditableField, text: string): DraftResult {
  const parsed = coerceCell(field.type as FieldType, field.options ?? undefined, text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, value: parsed.value ?? null };
}

// The names a multiple select holds (the read API's array), in the field's choice order.
export function selectedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}

export function toggleName(field: EditableField, value: unknown, name: string): string[] | null {
  const current = new Set(selectedNames(value));
  if (current.has(name)) current.delete(name);
  else current.add(name);
  const ordered = choicesOf(field).map((c) => c.name).filter((n) => current.has(n));
  return ordered.length ? ordered : null;
}

// Choices whose name contains the filter (case-insensitively), in their order.
export function filterChoices(choices: Choice[], filter: string): Choice[] {
  const needle = filter.trim().toLowerCase();
  return needle ? choices.filter((c) => c.name.toLowerCase().includes(needle)) : choices;
}

// Are two cell values the same write? (An unchanged edit saves nothing.)
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0) ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
