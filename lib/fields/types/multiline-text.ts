import { type FieldTypeModule, typeOptions } from "../types";

const LINE_BREAK = /\r\n|\r/g;
export const LONG_TEXT_LENGTH = 255;

// Text is trimmed at both ends; line breaks are kept, normalised to "\n".
export const multilineText: FieldTypeModule = {
  type: "multilineText",
  label: "Long text",
  coercionVersion: 1,
  defaultOptions: {},
  ...typeOptions(),
  formatChoices: {},
  apiOptions: () => undefined,
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 260,
  gridCell: { kind: "longText" },
  parse(text) {
    const value = (text.includes("\r") ? text.replace(LINE_BREAK, "\n") : text).trim();
    return value || undefined;
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
  matches: (text) => text.includes("\n") || text.includes("\r") || text.length > LONG_TEXT_LENGTH,
};
