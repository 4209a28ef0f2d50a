import { SELECT_TYPE_FACTS, findChoice } from "../choices";
import { parseFailure, type FieldTypeModule } from "../types";

// Own fields only. The stored value is the choice's name (what the API reads and writes), so a
// renamed choice is renamed in records by lib/own-fields.
export const singleSelect: FieldTypeModule = {
  type: "singleSelect",
  label: "Single select",
  icon: "◉",
  ...SELECT_TYPE_FACTS,
  gridWidth: 160,
  parse(text, options) {
    const name = text.trim();
    if (!name) return undefined;
    const choice = findChoice(options, name);
    return choice ? choice.name : parseFailure(`"${name}" is not one of the field's choices`);
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
};
