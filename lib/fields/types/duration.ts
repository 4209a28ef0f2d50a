import { parseDecimal, splitPlain, toPlainDecimal } from "../decimal";
import { parseFailure, type DurationFormat, type FieldTypeModule, typeOptions } from "../types";

export const DEFAULT_DURATION_FORMAT: DurationFormat = "h:mm";

// The formats the wizard offers, in order: value → label.
const FORMAT_CHOICES: Record<DurationFormat, string> = {
  "h:mm": "h:mm",
  "h:mm:ss": "h:mm:ss",
  "h:mm:ss.S": "h:mm:ss.S",
  "h:mm:ss.SS": "h:mm:ss.SS",
  "h:mm:ss.SSS": "h:mm:ss.SSS",
};

// `h:mm`, `h:mm:ss`, `h:mm:ss.S…`, optionally negative. Two parts are always hours and minutes.
const CLOCK = /^([+-])?(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?$/;

const FRACTION_DIGITS: Record<DurationFormat, number> = {
  "h:mm": 0,
  "h:mm:ss": 0,
  "h:mm:ss.S": 1,
  "h:mm:ss.SS": 2,
  "h:mm:ss.SSS": 3,
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// Seconds, or null. A plain number (`90`, `90.5`) is read as seconds.
export function parseDuration(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) {
    const plain = parseDecimal(text);
    return plain ? plain.value : null;
  }
  const minutes = Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (minutes > 59 || seconds > 59) return null;
  const whole = Number(m[2]) * 3600 + minutes * 60 + seconds;
  if (!Number.isSafeInteger(whole)) return null;
  // Through a decimal string so 1:00:00.1 is exactly 3600.1.
  const value = Number(`${m[1] === "-" ? "-" : ""}${whole}.${m[5] ?? "0"}`);
  return value === 0 ? 0 : value;
}

function clock(negative: boolean, totalSeconds: number, withSeconds: boolean, fraction: string): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const sign = negative ? "-" : "";
  if (!withSeconds) return `${sign}${h}:${pad2(m)}`;
  return `${sign}${h}:${pad2(m)}:${pad2(s)}${fraction ? `.${fraction}` : ""}`;
}

export const duration: FieldTypeModule = {
  type: "duration",
  label: "Duration",
  coercionVersion: 1,
  defaultOptions: { durationFormat: DEFAULT_DURATION_FORMAT },
  ...typeOptions("durationFormat"),
  formatChoices: { durationFormat: FORMAT_CHOICES },
  apiOptions: (options) => ({ durationFormat: options.durationFormat ?? DEFAULT_DURATION_FORMAT }),
  sortKind: "numeric",
  searchable: false,
  align: "right",
  gridWidth: 110,
  gridCell: { kind: "formatted" },
  parse(text) {
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    const seconds = parseDuration(trimmed);
    return seconds === null
      ? parseFailure("not a duration in h:mm, h:mm:ss or seconds")
      : seconds;
  },
  // Rounded to the format's unit: minutes for h:mm, else seconds with S, SS or SSS decimals.
  format(value, options) {
    const format = options.durationFormat ?? DEFAULT_DURATION_FORMAT;
    const n = Number(value);
    if (format === "h:mm") {
      const minutes = Math.round(Math.abs(n) / 60);
      return clock(n < 0 && minutes > 0, minutes * 60, false, "");
    }
    const digits = FRACTION_DIGITS[format];
    const scale = 10 ** digits;
    const units = Math.round(Math.abs(n) * scale);
    const fraction = digits ? String(units % scale).padStart(digits, "0") : "";
    return clock(n < 0 && units > 0, Math.floor(units / scale), true, fraction);
  },
  // Lossless: h:mm when whole minutes, else h:mm:ss with every decimal the value has.
  toCsv(value) {
    const { negative, intPart, fraction } = splitPlain(toPlainDecimal(Number(value)));
    const whole = Number(intPart);
    if (!Number.isSafeInteger(whole)) return toPlainDecimal(Number(value));
    return clock(negative, whole, whole % 60 !== 0 || fraction !== "", fraction);
  },
  matches: (text) => CLOCK.test(text.trim()) && parseDuration(text.trim()) !== null,
};
