import { telHref } from "../links";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";
import { dateShape } from "./date";

// Digits with spaces, + - ( ) . / as separators, and an optional extension (`x12`, `ext. 12`, `#12`).
const PHONE = /^\+?[\d\s().\-/]+?(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?$/i;
const MIN_DIGITS = 3;
const MAX_DIGITS = 20;
// A suggestion needs a real-looking number: 7 to 15 digits, and not date-shaped (`2025-02-30`).
const LIKELY_MIN_DIGITS = 7;
const LIKELY_MAX_DIGITS = 15;

function countDigits(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

// Kept as written (trimmed); not reformatted.
export const phoneNumber: FieldTypeModule = {
  type: "phoneNumber",
  label: "Phone number",
  coercionVersion: 1,
  defaultOptions: {},
  ...typeOptions(),
  formatChoices: {},
  apiOptions: () => undefined,
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 160,
  gridCell: { kind: "link", href: telHref, newTab: false },
  parse(text) {
    const value = text.trim();
    if (!value) return undefined;
    const digits = countDigits(value);
    return PHONE.test(value) && digits >= MIN_DIGITS && digits <= MAX_DIGITS
      ? value
      : parseFailure("not a phone number");
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
  matches(text) {
    const value = text.trim();
    const digits = countDigits(value);
    return PHONE.test(value) && digits >= LIKELY_MIN_DIGITS && digits <= LIKELY_MAX_DIGITS && !dateShape(value);
  },
};
