// The shared shape of a field type. One module per type lives beside this file; the registry in
// lib/fields/registry.ts maps each FieldType to its module. No server imports: the wizard's
// live preview and the grid use these too.
import { z } from "zod";
import type { FIELD_TYPE_MODULES } from "./registry";

// The type names are the registry's keys: a new type is a module plus its registry line.
export type FieldType = keyof typeof FIELD_TYPE_MODULES;

// The type a column gets when nothing else is known (the wizard's starting choice, a new column).
export const DEFAULT_FIELD_TYPE: FieldType = "singleLineText";

// Airtable's colour names for select choices, in the order new choices take them.
export const CHOICE_COLORS = [
  "blueLight2", "cyanLight2", "tealLight2", "greenLight2", "yellowLight2", "orangeLight2", "redLight2", "pinkLight2", "purpleLight2", "grayLight2",
  "blueLight1", "cyanLight1", "tealLight1", "greenLight1", "yellowLight1", "orangeLight1", "redLight1", "pinkLight1", "purpleLight1", "grayLight1",
  "blueBright", "cyanBright", "tealBright", "greenBright", "yellowBright", "orangeBright", "redBright", "pinkBright", "purpleBright", "grayBright",
  "blueDark1", "cyanDark1", "tealDark1", "greenDark1", "yellowDark1", "orangeDark1", "redDark1", "pinkDark1", "purpleDark1", "grayDark1",
] as const;
export type ChoiceColor = (typeof CHOICE_COLORS)[number];
export const MAX_CHOICES = 1_000;
export const MAX_CHOICE_NAME_LENGTH = 255;

// A select choice as stored and as the API shows it. `id` and `color` are given by the server
// when a client leaves them out (lib/own-fields).
export const selectChoiceSchema = z
  .object({
    id: z.string().regex(/^sel[A-Za-z0-9]{14}$/, "must be a choice id (sel…)").optional(),
    name: z.string().trim().min(1, "must not be empty").max(MAX_CHOICE_NAME_LENGTH),
    color: z.enum(CHOICE_COLORS).optional(),
  })
  .strict();
export type SelectChoice = z.infer<typeof selectChoiceSchema>;

// Options, with Airtable's API names where Airtable has them.
export const fieldOptionsSchema = z
  .object({
    precision: z.number().int().min(0).max(8).optional(), // number, currency, percent
    symbol: z.string().min(1).max(5).optional(), // currency
    dateFormat: z.enum(["us", "european", "iso"]).optional(), // date: M/D/YYYY, D/M/YYYY, YYYY-MM-DD
    durationFormat: z.enum(["h:mm", "h:mm:ss", "h:mm:ss.S", "h:mm:ss.SS", "h:mm:ss.SSS"]).optional(),
    choices: z.array(selectChoiceSchema).max(MAX_CHOICES).optional(), // singleSelect, multipleSelects
    icon: z.string().min(1).max(40).optional(), // checkbox (Airtable's "check", "star", …; shown as given)
    color: z.string().min(1).max(40).optional(), // checkbox
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
// (seconds), `YYYY-MM-DD` for dates, `true` for a ticked checkbox, the choice names of multiple
// selects, strings otherwise. Empty cells (and unticked checkboxes) are absent, never null.
export type CellValue = string | number | boolean | string[];

export type ParseResult = { ok: true; value: CellValue | undefined } | { ok: false; reason: string };

// What a type's parse returns: the stored value, undefined for an empty cell, or a ParseFailure,
// the only object it ever returns. Nothing is allocated for a good cell (a sync parses 200,000).
export type ParseFailure = { readonly reason: string };
export type ParseOutcome = CellValue | undefined | ParseFailure;
export const parseFailure = (reason: string): ParseFailure => ({ reason });
// (An array is a multiple-selects value, not a failure.)
export const isParseFailure = (outcome: ParseOutcome): outcome is ParseFailure => typeof outcome === "object" && !Array.isArray(outcome);

// How records are ordered by the type: numbers as numbers, ISO dates byte-wise, text case-insensitively.
// A checkbox sorts ticked as 1, unticked as empty.
export type SortKind = "numeric" | "isoDate" | "text" | "checkbox";

// How the grid shows a value: formatted by `format`, a link (`href` null → plain text), long text
// (expandable), or plain text. Every value is rendered as React text, never as HTML.
export type GridCell =
  | { kind: "formatted" }
  | { kind: "link"; href: (text: string) => string | null; newTab: boolean }
  | { kind: "longText" }
  | { kind: "text" }
  | { kind: "checkbox" } // a tick box (own fields)
  | { kind: "choices" }; // select choices as coloured pills (own fields; options.choices has the colours)

// The choices the wizard offers for a format option: value → label, in the order shown.
export type FormatChoices = { dateFormat?: Record<DateFormat, string>; durationFormat?: Record<DurationFormat, string> };

// Everything the app knows about one field type. The registry is a Record<FieldType, …>, so the
// compiler proves every type has every fact.
export type FieldTypeModule = {
  type: FieldType;
  label: string; // "Single line text", "Email", …
  icon: string; // a glyph for the grid's header and the wizard (`#` number, `@` email, `$` currency, …)
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
  // Own fields only (checkbox, selects): no CSV column is ever synced as this type, so the sync
  // configuration and the wizard do not offer it.
  ownOnly?: true;
};
