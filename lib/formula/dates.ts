// Dates in formulas, on the JavaScript side: literals, units, and the calendar arithmetic the SQL
// compiler does in Postgres (UTC throughout; weeks start on Sunday, as in Airtable).
import type { DateUnit } from "./types";

const UNIT_NAMES: Record<string, DateUnit> = {
  millisecond: "ms", milliseconds: "ms", ms: "ms",
  second: "s", seconds: "s", s: "s",
  minute: "m", minutes: "m", m: "m",
  hour: "h", hours: "h", h: "h",
  day: "d", days: "d", d: "d",
  week: "w", weeks: "w", w: "w",
  month: "M", months: "M", M: "M",
  quarter: "Q", quarters: "Q", Q: "Q",
  year: "y", years: "y", y: "y",
};

// `M` is months and `m` minutes, as in Airtable; the long names are case-insensitive.
export function parseDateUnit(text: string): DateUnit | null {
  const trimmed = text.trim();
  return UNIT_NAMES[trimmed] ?? (trimmed.length > 1 ? UNIT_NAMES[trimmed.toLowerCase()] : undefined) ?? null;
}

export const UNIT_MS: Partial<Record<DateUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export const UNIT_MONTHS: Partial<Record<DateUnit, number>> = { M: 1, Q: 3, y: 12 };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

// A date written in a formula: YYYY-MM-DD with an optional time (UTC unless an offset is given),
// or M/D/YYYY. Epoch milliseconds, or null.
export function parseDateLiteral(text: string): number | null {
  const t = text.trim();
  const us = US.exec(t);
  if (us) return utc(Number(us[3]), Number(us[1]), Number(us[2]), 0, 0, 0, 0, 0);
  const m = ISO.exec(t);
  if (!m) return null;
  let offset = 0;
  if (m[8] && m[8].toUpperCase() !== "Z") {
    const sign = m[8][0] === "-" ? -1 : 1;
    const digits = m[8].slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const ms = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? "0").padEnd(3, "0")), offset);
  return ms;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): number | null {
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1) || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - offset;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, monthIndex: number): number {
  return monthIndex === 1 && isLeap(year) ? 29 : MONTH_DAYS[monthIndex];
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

// The start of the unit a moment falls in.
export function truncateDate(ms: number, unit: DateUnit): number {
  const step = UNIT_MS[unit];
  if (unit === "w") {
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    return day - new Date(day).getUTCDay() * 86_400_000;
  }
  if (step) return Math.floor(ms / step) * step;
  const d = new Date(ms);
  const month = unit === "y" ? 0 : unit === "Q" ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  const out = new Date(0);
  out.setUTCFullYear(d.getUTCFullYear(), month, 1);
  return out.getTime();
}

// Calendar months added; the day is clamped to the end of a shorter month (Jan 31 + 1 month =
// Feb 28), as Postgres's interval arithmetic does.
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const out = new Date(ms);
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)));
  return out.getTime();
}

// Whole calendar months from b to a (negative when a is earlier), counting a month only once its
// day and time are reached.
export function monthsBetween(a: number, b: number): number {
  if (a < b) return -monthsBetween(b, a);
  const x = new Date(a);
  const y = new Date(b);
  const months = (x.getUTCFullYear() - y.getUTCFullYear()) * 12 + (x.getUTCMonth() - y.getUTCMonth());
  return months - (restOfMonth(x) < restOfMonth(y) ? 1 : 0);
}

// Day of month and time of day as one comparable number.
const restOfMonth = (d: Date) => d.getUTCDate() * 86_400_000 + (((d.getTime() % 86_400_000) + 86_400_000) % 86_400_000);
