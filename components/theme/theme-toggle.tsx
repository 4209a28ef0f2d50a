"use client";
// The header's colour-scheme switch: System (follow prefers-color-scheme), Light or Dark. The choice
// lives in localStorage and is applied as data-theme on <html> (app/globals.css reads it).
import { useEffect, useState } from "react";
import { THEME_STORAGE_KEY } from "./theme-script";

type Choice = "system" | "light" | "dark";
const LABELS: Record<Choice, string> = { system: "System", light: "Light", dark: "Dark" };

function apply(choice: Choice) {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page.
  }
}

export function ThemeToggle() {
  const [choice, setChoice] = useState<Choice>("system");
  useEffect(() => {
    const stored = document.documentElement.dataset.theme;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the stored choice is only readable in the browser
    if (stored === "light" || stored === "dark") setChoice(stored);
  }, []);
  return (
    <label className="flex items-center gap-1 text-sm text-gray-700">
      <span className="sr-only">Colour theme</span>
      <span aria-hidden>◐</span>
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setChoice(next);
          apply(next);
        }}
        className="rounded-md border border-gray-300 bg-white px-1 py-1 text-sm text-gray-800"
      >
        {(Object.keys(LABELS) as Choice[]).map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
