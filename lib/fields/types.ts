// The shared shape of a field type. One module per type lives beside this file; the registry in
// lib/fields/registry.ts maps each FieldType to its module. No server imports: the wizard's
// live preview and the grid use these too.
import { z } from "zod";

export const FIELD_TYPES = [
  "singleLineText",
  "email",
  "multilineText",
  "number",
  "date",
  "duration",
  "phoneNumber",
  "currency",
  "url",
  "percent",
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldTypeSchema = z.enum(FIELD_TYPES);

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

export type FieldTypeModule = {
  type: FieldType;
  label: string; // "Single line text", "Email", …
  icon: string; // a glyph for the grid's header and the wizard (`#` number, `@` email, `$` currency, …)
  defaultOptions: FieldOptions;
  // CSV text → stored value. "" (after trimming where the type trims) → undefined.
  parse(text: string, options: FieldOptions): ParseOutcome;
  // Stored value → text for the grid (e.g. "$1,234.50", "45%", "1:05:00", "3/14/2025").
  format(value: CellValue, options: FieldOptions): string;
  // Stored value → CSV text that parses back to the same value (download round trip).
  toCsv(value: CellValue, options: FieldOptions): string;
  // How well a non-empty sample value fits this type (used by type suggestions).
  matches(text: string): boolean;
};
