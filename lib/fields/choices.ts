// Select choices: looked up by name (exactly, then case-insensitively, as Airtable's typecast
// matches), and the text of a multiple-selects value. No server imports.
import { typeOptions, type FieldOptions, type FieldTypeModule, type SelectChoice } from "./types";

export function findChoice(options: FieldOptions, name: string): SelectChoice | undefined {
  const choices = options.choices ?? [];
  return choices.find((c) => c.name === name) ?? choices.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

// A multiple-selects value as text: the names joined by ", " (how Airtable shows it in a formula
// and with cellFormat=string).
export const joinChoiceNames = (names: readonly string[]): string => names.join(", ");

// CSV text → the names it lists: comma-separated, trimmed, empty and repeated names dropped.
export function splitChoiceNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(",")) {
    const name = part.trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

// What the two select types share: own fields only, options are the choices (shown in the API as
// they are), text-like for sort and search, drawn as chips in the grid; never suggested for a column.
export const SELECT_TYPE_FACTS = {
  coercionVersion: 1,
  ownOnly: true,
  defaultOptions: { choices: [] },
  ...typeOptions("choices"),
  formatChoices: {},
  apiOptions: (options: FieldOptions) => ({ choices: options.choices ?? [] }),
  sortKind: "text",
  searchable: true,
  align: "left",
  gridCell: { kind: "choices" },
  matches: () => false,
} satisfies Partial<FieldTypeModule>;
