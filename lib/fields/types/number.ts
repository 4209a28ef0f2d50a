import { formatGrouped, parseDecimal, toPlainDecimal } from "../decimal";
import { parseFailure, type FieldTypeModule } from "../types";

export const DEFAULT_NUMBER_PRECISION = 0;

// `1,234.5`, `-3`, `+3`, `.5`, `1e3`. The stored value is not rounded: precision is display only.
export const number: FieldTypeModule = {
  type: "number",
  label: "Number",
  icon: "#",
  defaultOptions: { precision: DEFAULT_NUMBER_PRECISION },
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
