import { CHOICE_COLORS, type ChoiceColor } from "../fields/types";

// How a select choice looks: a light tint of its colour's hue with dark text in both colour
// schemes (the chip keeps its colour in dark mode, like a label on paper).

// The ten light tints the "Add field" dialog offers (the first ten of Airtable's names).
export const SELECT_COLORS = CHOICE_COLORS.slice(0, 10) as ChoiceColor[];

const SWATCH: Record<string, string> = {
  blue: "#cfdfff",
  cyan: "#d0f0fd",
  teal: "#c2f5e9",
  green: "#d1f7c4",
  yellow: "#ffeab6",
  orange: "#fee2d5",
  red: "#ffdce5",
  pink: "#ffdaf6",
  purple: "#ede2fe",
  gray: "#e5e9f0",
};

// Any Airtable colour name (blueLight1, blueBright, …) maps to its hue's tint; unknown → gray.
export function chipStyle(color: string | undefined): { backgroundColor: string; color: string } {
  const hue = /^[a-z]+/.exec(color ?? "")?.[0] ?? "gray";
  return { backgroundColor: SWATCH[hue] ?? SWATCH.gray, color: "#1f2937" };
}

export const colorLabel = (color: string) => {
  const hue = /^[a-z]+/.exec(color)?.[0] ?? color;
  return hue.charAt(0).toUpperCase() + hue.slice(1);
};

// The colour a new choice gets: the next in the list after the ones already used.
export const nextColor = (index: number): ChoiceColor => SELECT_COLORS[index % SELECT_COLORS.length];
