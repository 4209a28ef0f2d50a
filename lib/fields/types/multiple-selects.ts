import { findChoice, joinChoiceNames, splitChoiceNames } from "../choices";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

// Own fields only. The stored value is an array of choice names in the order given, no repeats;
// an empty selection is an empty cell.
export const multipleSelects: FieldTypeModule = {
  type: "multipleSelects",
  label: "Multiple select",
  icon: "☰",
  coercionVersion: 1,
  ownOnly: true,
  defaultOptions: { choices: [] },
  ...typeOptions("choices"),
  formatChoices: {},
  apiOptions: (options) => ({ choices: options.choices ?? [] }),
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 220,
  gridCell: { kind: "choices" },
  parse(text, options) {
    const names: string[] = [];
    for (const name of splitChoiceNames(text)) {
      const choice = findChoice(options, name);
      if (!choice) return parseFailure(`"${name}" is not one of the field's choices`);
      if (!names.includes(choice.name)) names.push(choice.name);
    }
    return names.length > 0 ? names : undefined;
  },
  format: (value) => (Array.isArray(value) ? joinChoiceNames(value) : String(value)),
  toCsv: (value) => (Array.isArray(value) ? value.join(",") : String(value)),
  matches: () => false,
};
