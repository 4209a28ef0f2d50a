// Type suggestions for the wizard: look at a column's non-empty values and propose the most
// specific type that every value fits, with options read from the values.
import type { FieldOptions, FieldType } from "./types";
import { parseMoney } from "./types/currency";
import { dateShape, parseDate, type DateFormat } from "./types/date";
import { clockFormatOf } from "./types/duration";
import { email } from "./types/email";
import { multilineText } from "./types/multiline-text";
import { parseDecimal } from "./decimal";
import { parsePercent } from "./types/percent";
import { phoneNumber } from "./types/phone-number";
import { url } from "./types/url";

export type FieldSuggestion = { column: string; type: FieldType; options?: FieldOptions };

const MAX_PRECISION = 8;
// `00501`, `-007`: an identifier, not a number (but `0`, `0.5` are numbers).
const LEADING_ZERO = /^[+-]?0\d/;
// A real currency sign, not just a letter code like `kg` that parseMoney would also accept.
const CURRENCY_SIGN = /\p{Sc}/u;

const precision = (decimals: number) => Math.min(decimals, MAX_PRECISION);

type Suggestion = Omit<FieldSuggestion, "column">;

function suggestNumeric(values: string[]): Suggestion | null {
  // Percent needs a % sign somewhere; values without one still read as percentage points.
  if (values.some((v) => v.endsWith("%"))) {
    let decimals = 0;
    for (const v of values) {
      const p = parsePercent(v);
      if (!p) return null;
      decimals = Math.max(decimals, p.decimals);
    }
    return { type: "percent", options: { precision: precision(decimals) } };
  }
  const symbols = new Map<string, number>();
  let decimals = 0;
  let allPlain = true;
  for (const v of values) {
    const money = parseMoney(v);
    if (!money) return null;
    decimals = Math.max(decimals, money.decimals);
    if (money.symbol) symbols.set(money.symbol, (symbols.get(money.symbol) ?? 0) + 1);
    if (money.symbol || !parseDecimal(v)) allPlain = false;
  }
  if (allPlain) {
    if (values.some((v) => LEADING_ZERO.test(v))) return { type: "singleLineText" };
    return { type: "number", options: { precision: precision(decimals) } };
  }
  const [symbol] = [...symbols.entries()].sort((a, b) => b[1] - a[1])[0] ?? [""];
  if (!CURRENCY_SIGN.test(symbol)) return null;
  return { type: "currency", options: { symbol, precision: precision(decimals > 0 ? Math.max(decimals, 2) : 0) } };
}

// Slashed dates are US unless a first part is over 12; all-ISO columns keep ISO.
function suggestDate(values: string[]): DateFormat | null {
  let allIso = true;
  let european = false;
  for (const v of values) {
    const shape = dateShape(v);
    if (!shape) return null;
    if (shape.kind === "slashed") {
      allIso = false;
      if (shape.first > 12) european = true;
    }
  }
  if (allIso) return values.every((v) => parseDate(v, "iso")) ? "iso" : null;
  const format: DateFormat = european ? "european" : "us";
  return values.every((v) => parseDate(v, format)) ? format : null;
}

const DURATION_FORMATS = ["h:mm", "h:mm:ss", "h:mm:ss.S", "h:mm:ss.SS", "h:mm:ss.SSS"] as const;

// `1:30`, `12:05:09`: clock durations; the column's format is the most detailed one in it.
function suggestDuration(values: string[]): Suggestion | null {
  let detail = 0;
  for (const v of values) {
    const format = clockFormatOf(v);
    if (!format) return null;
    detail = Math.max(detail, DURATION_FORMATS.indexOf(format));
  }
  return { type: "duration", options: { durationFormat: DURATION_FORMATS[detail] } };
}

function suggestColumn(values: string[]): Suggestion {
  if (values.length === 0) return { type: "singleLineText" };
  if (values.some((v) => multilineText.matches(v))) return { type: "multilineText" };
  const numeric = suggestNumeric(values);
  if (numeric) return numeric;
  const clock = suggestDuration(values);
  if (clock) return clock;
  const dateFormat = suggestDate(values);
  if (dateFormat) return { type: "date", options: { dateFormat } };
  if (values.every((v) => email.matches(v))) return { type: "email" };
  if (values.every((v) => url.matches(v))) return { type: "url" };
  if (values.every((v) => phoneNumber.matches(v))) return { type: "phoneNumber" };
  return { type: "singleLineText" };
}

export function suggestFieldTypes(header: string[], rows: string[][]): FieldSuggestion[] {
  return header.map((column, index) => {
    const values: string[] = [];
    for (const row of rows) {
      const text = (row[index] ?? "").trim();
      if (text !== "") values.push(text);
    }
    return { column, ...suggestColumn(values) };
  });
}
