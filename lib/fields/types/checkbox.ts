import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

const TICKED = new Set(["checked", "true", "1", "yes", "y", "x", "on", "✓", "✔"]);
const UNTICKED = new Set(["unchecked", "false", "0", "no", "n", "off"]);

// Own fields only. A ticked box is stored as `true`; an unticked one is an empty cell, as in
// Airtable's API (absent from the record, 0 in a formula).
export const checkbox: FieldTypeModule = {
  type: "checkbox",
  label: "Checkbox",
  icon: "☑",
  coercionVersion: 1,
  ownOnly: true,
  defaultOptions: { icon: "check", color: "greenBright" },
  ...typeOptions("icon", "color"),
  formatChoices: {},
  apiOptions: (options) => ({ icon: options.icon ?? "check", color: options.color ?? "greenBright" }),
  sortKind: "checkbox",
  searchable: false,
  align: "left",
  gridWidth: 90,
  gridCell: { kind: "checkbox" },
  parse(text) {
    const word = text.trim().toLowerCase();
    if (!word || UNTICKED.has(word)) return undefined;
    return TICKED.has(word) ? true : parseFailure("not a checkbox value (checked, true, 1 or empty)");
  },
  format: (value) => (value === true ? "checked" : ""),
  toCsv: (value) => (value === true ? "checked" : ""),
  matches: () => false,
};
