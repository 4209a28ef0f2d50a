import { formatGrouped, parseDecimal, toPlainDecimal } from "../decimal";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

export const DEFAULT_PERCENT_PRECISION = 0;

// `45%` and `45` both mean 45 % and are stored as 0.45 (decimal shift, no float noise).
export function parsePercent(text: string): { value: number; decimals: number; hasSign: boolean } | null {
  const hasSign = text.endsWith("%");
  const parsed = parseDecimal(hasSign ? text.slice(0, -1).trimEnd() : text, -2);
  return parsed ? { value: parsed.value, decimals: parsed.decimals, hasSign } : null;
}

export const percent: FieldTypeModule = {
  type: "percent",
  label: "Percent",
  coercionVersion: 1,
  defaultOptions: { precision: DEFAULT_PERCENT_PRECISION },
  ...typeOptions("precision"),
  formatChoices: {},
  apiOptions: (options) => ({ precision: options.precision ?? DEFAULT_PERCENT_PRECISION }),
  sortKind: "numeric",
  searchable: false,
  align: "right",
  gridWidth: 100,
  gridCell: { kind: "formatted" },
  parse(text) {
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    const parsed = parsePercent(trimmed);
    return parsed ? parsed.value : parseFailure("not a percentage");
  },
  format(value, options) {
    const points = Number(toPlainDecimal(Number(value), 2));
    return `${formatGrouped(points, options.precision ?? DEFAULT_PERCENT_PRECISION)}%`;
  },
  toCsv: (value) => `${toPlainDecimal(Number(value), 2)}%`,
  matches(text) {
    const parsed = parsePercent(text.trim());
    return parsed !== null && parsed.hasSign;
  },
};
