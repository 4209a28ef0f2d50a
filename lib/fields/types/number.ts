import { formatGrouped, parseDecimal, toPlainDecimal } from "../decimal";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

export const DEFAULT_NUMBER_PRECISION = 0;

// `1,234.5`, `-3`, `+3`, `.5`, `1e3`. The stored value is not rounded: precision is display only.
export const number: FieldTypeModule = {
  type: "number",
  label: "Number",
  coercionVersion: 1,
  defaultOptions: { precision: DEFAULT_NUMBER_PRECISION },
  ...typeOptions("precision"),
  formatChoices: {},
  apiOptions: (options) => ({ precision: options.precision ?? DEFAULT_NUMBER_PRECISION }),
  sortKind: "numeric",
  searchable: false,
  align: "right",
  gridWidth: 120,
  gridCell: { kind: "formatted" },
  parse(text) {
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    const parsed = parseDecimal(trimmed);
    return parsed ? parsed.value : parseFailure("not a number");
  },
  format: (value, options) => formatGrouped(Number(value), options.precision ?? DEFAULT_NUMBER_PRECISION),
  toCsv: (value) => toPlainDecimal(Number(value)),
  matches: (text) => parseDecimal(text.trim()) !== null,
};
