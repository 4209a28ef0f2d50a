// Shared decimal handling for number, currency, percent and duration. Values go through decimal
// strings (never `x * 100`) so 45 % is stored as 0.45, not 0.45000000000000007, and every stored
// number can be written back as text that parses to the very same double.

// Optional sign, digits with optional comma thousands groups (`1,234`), optional fraction, optional
// exponent. `1,23` is refused on purpose: we do not guess at European decimal commas.
const DECIMAL = /^([+-])?(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const COMMAS = /,/g;

export type Decimal = {
  value: number;
  negative: boolean;
  // Digits written after the decimal point, less the exponent: `1.50` → 2, `1.5e1` → 0.
  decimals: number;
};

// Parses `text` (already trimmed) and scales it by 10^shift (percent uses -2). null if it is not a
// finite decimal number. Number() of a decimal string is correctly rounded, so no float noise.
export function parseDecimal(text: string, shift = 0): Decimal | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const plain = m[2] !== undefined && m[2].length > 3 && m[2].includes(",") ? text.replace(COMMAS, "") : text;
  let value: number;
  if (shift === 0) value = Number(plain);
  else if (m[5] === undefined) value = Number(`${plain}e${shift}`);
  else value = Number(`${plain.slice(0, plain.length - m[5].length - 1)}e${Number(m[5]) + shift}`);
  if (!Number.isFinite(value)) return null;
  const fraction = m[3] ?? m[4] ?? "";
  const exponent = m[5] === undefined ? 0 : Number(m[5]);
  return { value: value === 0 ? 0 : value, negative: m[1] === "-", decimals: Math.max(0, fraction.length - exponent) };
}

const EXPONENTIAL = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

// The shortest decimal text that round-trips `value`, written without an exponent and scaled by
// 10^shift (percent display uses +2): 1e21 → "1000000000000000000000", 4.5e-7 → "0.00000045".
export function toPlainDecimal(value: number, shift = 0): string {
  const text = String(value === 0 ? 0 : value);
  let sign = "";
  let digits: string;
  let pointAt: number; // index in `digits` where the decimal point goes
  const m = EXPONENTIAL.exec(text);
  if (m) {
    sign = m[1];
    digits = m[2] + (m[3] ?? "");
    pointAt = 1 + Number(m[4]);
  } else {
    const unsigned = text.startsWith("-") ? text.slice(1) : text;
    sign = unsigned === text ? "" : "-";
    const dot = unsigned.indexOf(".");
    digits = dot < 0 ? unsigned : unsigned.slice(0, dot) + unsigned.slice(dot + 1);
    pointAt = dot < 0 ? unsigned.length : dot;
  }
  pointAt += shift;
  if (pointAt <= 0) {
    digits = "0".repeat(1 - pointAt) + digits;
    pointAt = 1;
  }
  if (pointAt > digits.length) digits += "0".repeat(pointAt - digits.length);
  const intPart = digits.slice(0, pointAt).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(pointAt).replace(/0+$/, "");
  return sign + intPart + (fraction ? `.${fraction}` : "");
}

// `1234567` → `1,234,567` (integer digits only).
export function groupThousands(intDigits: string): string {
  if (intDigits.length <= 3) return intDigits;
  const head = intDigits.length % 3 || 3;
  let out = intDigits.slice(0, head);
  for (let i = head; i < intDigits.length; i += 3) out += "," + intDigits.slice(i, i + 3);
  return out;
}

// Splits a plain decimal (as from toPlainDecimal) into sign, integer and fraction digits.
export function splitPlain(plain: string): { negative: boolean; intPart: string; fraction: string } {
  const negative = plain.startsWith("-");
  const unsigned = negative ? plain.slice(1) : plain;
  const dot = unsigned.indexOf(".");
  return dot < 0
    ? { negative, intPart: unsigned, fraction: "" }
    : { negative, intPart: unsigned.slice(0, dot), fraction: unsigned.slice(dot + 1) };
}

// Display: `value` rounded to `precision` decimals with thousands separators; never "-0.00".
export function formatGrouped(value: number, precision: number): string {
  const fixed = Math.abs(value) < 1e21 ? Math.abs(value).toFixed(precision) : toPlainDecimal(Math.abs(value));
  const { intPart, fraction } = splitPlain(fixed);
  const body = groupThousands(intPart) + (fraction ? `.${fraction}` : "");
  const isZero = !/[1-9]/.test(fixed);
  return (value < 0 && !isZero ? "-" : "") + body;
}

// Lossless CSV text with thousands separators and at least `minDecimals` decimals:
// 1234.5 with 2 → "1,234.50"; 1234.567 with 2 → "1,234.567". The sign is returned separately.
export function losslessGrouped(value: number, minDecimals: number): { negative: boolean; body: string } {
  const { negative, intPart, fraction } = splitPlain(toPlainDecimal(value));
  const padded = fraction.length >= minDecimals ? fraction : fraction + "0".repeat(minDecimals - fraction.length);
  return { negative, body: groupThousands(intPart) + (padded ? `.${padded}` : "") };
}
