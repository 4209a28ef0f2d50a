// Airtable's select colour names, and how a choice of each looks: a light tint with dark text in
// both colour schemes (the chip keeps its colour in dark mode, like a label on paper).
export const SELECT_COLORS = [
  "blueLight2",
  "cyanLight2",
  "tealLight2",
  "greenLight2",
  "yellowLight2",
  "orangeLight2",
  "redLight2",
  "pinkLight2",
  "purpleLight2",
  "grayLight2",
] as const;

export type SelectColor = (typeof SELECT_COLORS)[number];

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
export const nextColor = (index: number): SelectColor => SELECT_COLORS[index % SELECT_COLORS.length];
