import { parseFailure, type DateFormat, type FieldTypeModule, typeOptions } from "../types";

export type { DateFormat };
export const DEFAULT_DATE_FORMAT: DateFormat = "us";

// The formats the wizard offers, in order, and their pattern in the API's table schema.
const FORMAT_CHOICES: Record<DateFormat, string> = {
  us: "US (3/14/2025)",
  european: "European (14/3/2025)",
  iso: "ISO (2025-03-14)",
};
const API_FORMATS: Record<DateFormat, string> = { us: "M/D/YYYY", european: "D/M/YYYY", iso: "YYYY-MM-DD" };

// YYYY-MM-DD (or YYYY/MM/DD), optionally followed by a time, which is ignored: the date is kept as
// written, with no time-zone shift.
const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// M/D/YYYY or D/M/YYYY (also with . or -), optionally followed by a time with AM/PM.
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?$/i;

const REASONS: Record<DateFormat, string> = {
  us: "not a date in M/D/YYYY or YYYY-MM-DD",
  european: "not a date in D/M/YYYY or YYYY-MM-DD",
  iso: "not a date in YYYY-MM-DD or M/D/YYYY",
};

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

// `YYYY-MM-DD`, or null for a malformed or impossible date (2025-02-30). Slashed dates are read as
// D/M/YYYY for the european format and M/D/YYYY otherwise.
export function parseDate(text: string, format: DateFormat = DEFAULT_DATE_FORMAT): string | null {
  const iso = ISO.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const slashed = SLASHED.exec(text);
  if (!slashed) return null;
  const [first, second, year] = [Number(slashed[1]), Number(slashed[3]), Number(slashed[4])];
  return format === "european" ? toIso(year, second, first) : toIso(year, first, second);
}

// Which shape a date text has (for suggestions): "iso", or "slashed" with its first part.
export function dateShape(text: string): { kind: "iso" } | { kind: "slashed"; first: number } | null {
  if (ISO.test(text)) return { kind: "iso" };
  const slashed = SLASHED.exec(text);
  return slashed ? { kind: "slashed", first: Number(slashed[1]) } : null;
}

export const date: FieldTypeModule = {
  type: "date",
  label: "Date",
  coercionVersion: 1,
  defaultOptions: { dateFormat: DEFAULT_DATE_FORMAT },
  ...typeOptions("dateFormat"),
  formatChoices: { dateFormat: FORMAT_CHOICES },
  apiOptions(options) {
    const name = options.dateFormat ?? DEFAULT_DATE_FORMAT;
    return { dateFormat: { name, format: API_FORMATS[name] } };
  },
  sortKind: "isoDate",
  searchable: false,
  align: "left",
  gridWidth: 120,
  gridCell: { kind: "formatted" },
  parse(text, options) {
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    const format = options.dateFormat ?? DEFAULT_DATE_FORMAT;
    const value = parseDate(trimmed, format);
    return value ? value : parseFailure(REASONS[format]);
  },
  format(value, options) {
    const text = String(value);
    const format = options.dateFormat ?? DEFAULT_DATE_FORMAT;
    if (format === "iso") return text;
    const [y, m, d] = text.split("-").map(Number);
    return format === "european" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
  },
  // ISO reads back the same in every format.
  toCsv: (value) => String(value),
  matches(text) {
    const trimmed = text.trim();
    return parseDate(trimmed, "us") !== null || parseDate(trimmed, "european") !== null;
  },
};
