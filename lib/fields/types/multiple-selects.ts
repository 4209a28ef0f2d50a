import { SELECT_TYPE_FACTS, findChoice, joinChoiceNames, splitChoiceNames } from "../choices";
import { parseFailure, type FieldTypeModule } from "../types";

// Own fields only. The stored value is an array of choice names in the order given, no repeats;
// an empty selection is an empty cell.
export const multipleSelects: FieldTypeModule = {
  type: "multipleSelects",
  label: "Multiple select",
  icon: "☰",
  ...SELECT_TYPE_FACTS,
  gridWidth: 220,
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
};
