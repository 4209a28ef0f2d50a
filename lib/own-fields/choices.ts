import "server-only";
import { newId } from "../ids";
import { CHOICE_COLORS, type SelectChoice } from "../fields/types";

// Choices as stored: every one with its id and colour (new ones take the next colour in turn).
export function completeChoices(choices: SelectChoice[], start = 0): Required<SelectChoice>[] {
  return choices.map((c, i) => ({
    id: c.id ?? newId("choice"),
    name: c.name,
    color: c.color ?? CHOICE_COLORS[(start + i) % CHOICE_COLORS.length],
  }));
}
