// The shared shape of a field type. One module per type lives beside this file; the registry in
// lib/fields/registry.ts maps each FieldType to its module. No server imports: the wizard's
// live preview and the grid use these too.
import { z } from "zod";
import type { FIELD_TYPE_MODULES } from "./registry";

// The type names are the registry's keys: a new type is a module plus its registry line.
export type FieldType = keyof typeof FIELD_TYPE_MODULES;

// The type a column gets when nothing else is known (the wizard's starting choice, a new column).
export const DEFAULT_FIELD_TYPE: FieldType = "singleLineText";

// Options, with Airtable's API names where Airtable has them.
export const fieldOptionsSchema = z
  .object({
    precision: z.number().int().min(0).max(8).optional(), // number, currency, percent
    symbol: z.string().min(1).max(5).optional(), // currency
    dateFormat: z.enum(["us", "european", "iso"]).optional(), // date: M/D/YYYY, D/M/YYYY, YYYY-MM-DD
    durationFormat: z.enum(["h:mm", "h:mm:ss", "h:mm:ss.S", "h:mm:ss.SS", "h:mm:ss.SSS"]).optional(),
  })
  .strict();

export type FieldOptions = z.infer<typeof fieldOptionsSchema>;
export type OptionKey = keyof FieldOptions;
export type DateFormat = NonNullable<FieldOptions["dateFormat"]>;
export type DurationFormat = NonNullable<FieldOptions["durationFormat"]>;

// A type's own options: their keys (the rest are dropped when the type changes or on save) and
// the schema of just those options.
export function typeOptions(...keys: OptionKey[]): { optionKeys: readonly OptionKey[]; optionsSchema: z.ZodType<FieldOptions> } {
  const mask: { [K in OptionKey]?: true } = {};
  for (const key of keys) mask[key] = true;
  return { optionKeys: keys, optionsSchema: fieldOptionsSchema.pick(mask) };
}

// A stored cell value: numbers for number/currency/percent (0.45 for 45 %) and duration
// (seconds), `YYYY-MM-DD` for dates, strings otherwise. Empty cells are absent, never null.
export type CellValue = string | number;

export type ParseResult = { ok: true; value: CellValue | undefined } | { ok: false; reason: string };

// What a type's parse returns: the stored value, undefined for an empty cell, or a ParseFailure,
// the only object it ever returns. Nothing is allocated for a good cell (a sync parses 200,000).
export type ParseFailure = { readonly reason: string };
export type ParseOutcome = CellValue | undefined | ParseFailure;
export const parseFailure = (reason: string): ParseFailure => ({ reason });
export const isParseFailure = (outcome: ParseOutcome): outcome is ParseFailure => typeof outcome === "object";

// How records are ordered by the type: numbers as numbers, ISO dates byte-wise, text case-insensitively.
export type SortKind = "numeric" | "isoDate" | "text";

// How the grid shows a value: formatted by `format`, a link (`href` null → plain text), long text
// (expandable), or plain text. Every value is rendered as React text, never as HTML.
export type GridCell =
  | { kind: "formatted" }
  | { kind: "link"; href: (text: string) => string | null; newTab: boolean }
  | { kind: "longText" }
  | { kind: "text" };

// The choices the wizard offers for a format option: value → label, in the order shown.
export type FormatChoices = { dateFormat?: Record<DateFormat, string>; durationFormat?: Record<DurationFormat, string> };

// Everything the app knows about one field type. The registry is a Record<FieldType, …>, so the
// compiler proves every type has every fact.
export type FieldTypeModule = {
  type: FieldType;
  label: string; // "Single line text", "Email", …
  // Bump when `parse` changes what it accepts or returns: stored fingerprints of tables with a
  // field of this type stop matching, so their rows are coerced again by the new rules on the next
  // sync (lib/sync/engine/fingerprint.ts). Starts at 1.
  coercionVersion: number;
  defaultOptions: FieldOptions;
  optionKeys: readonly OptionKey[]; // from typeOptions(…)
  optionsSchema: z.ZodType<FieldOptions>; // from typeOptions(…)
  formatChoices: FormatChoices; // {} when the type has no format option
  // The options in the management API's table schema (Airtable's shape), from the stored options
  // merged over the defaults; undefined when the type has none.
  apiOptions(options: FieldOptions): Record<string, unknown> | undefined;
  sortKind: SortKind;
  // Text-like: the search box looks through it, and the CSV download guards it against formulas.
  searchable: boolean;
  align: "left" | "right"; // in the grid
  gridWidth: number; // the grid column's minimum width in pixels
  gridCell: GridCell;
  // CSV text → stored value. "" (after trimming where the type trims) → undefined.
  parse(text: string, options: FieldOptions): ParseOutcome;
  // Stored value → text for the grid (e.g. "$1,234.50", "45%", "1:05:00", "3/14/2025").
  format(value: CellValue, options: FieldOptions): string;
  // Stored value → CSV text that parses back to the same value (download round trip).
  toCsv(value: CellValue, options: FieldOptions): string;
  // How well a non-empty sample value fits this type (used by type suggestions).
  matches(text: string): boolean;
};
