import { type FieldTypeModule, typeOptions } from "../types";

const LINE_BREAK = /\r\n|\r|\n/g;

// Text is trimmed at both ends (a cell of only spaces is empty); line breaks inside become spaces.
export const singleLineText: FieldTypeModule = {
  type: "singleLineText",
  label: "Single line text",
  coercionVersion: 1,
  defaultOptions: {},
  ...typeOptions(),
  formatChoices: {},
  apiOptions: () => undefined,
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 200,
  gridCell: { kind: "text" },
  parse(text) {
    const oneLine = text.includes("\n") || text.includes("\r") ? text.replace(LINE_BREAK, " ") : text;
    const value = oneLine.trim();
    return value || undefined;
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
  matches: (text) => !text.includes("\n") && !text.includes("\r"),
};
