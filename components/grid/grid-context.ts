"use client";
// What every cell of the grid needs besides its own props, stable for the grid's life, so that a
// focus move re-renders two rows and nothing else.
import { createContext, useContext, type RefObject } from "react";
import type { GridField, GridRecord } from "@/lib/records/grid";
import type { SaveStatusStore } from "./save-status";

export type EditState = { row: number; col: number; initial: string | null };
// "blur": focus went elsewhere (a click outside the cell): the edit ends where it was, and the
// focus stays where the user put it.
export type CommitHow = "enter" | "tab" | "shiftTab" | "stay" | "blur";

export type GridActions = {
  store: SaveStatusStore;
  // Set before a focus move the grid makes (keyboard, end of an edit): the active cell then takes focus.
  wantFocus: RefObject<boolean>;
  commitText: (record: GridRecord, field: GridField, text: string, how: CommitHow) => void;
  commitValue: (record: GridRecord, field: GridField, value: unknown, how: CommitHow | null) => void;
  cancelEdit: (how?: "stay" | "blur") => void;
  openRecord: (row: number) => void;
  activate: (row: number, col: number) => void;
  startEdit: (row: number, col: number, initial: string | null) => void;
};

export const GridActionsContext = createContext<GridActions | null>(null);

export function useGridActions(): GridActions {
  const actions = useContext(GridActionsContext);
  if (!actions) throw new Error("useGridActions outside the grid");
  return actions;
}

export const SYNCED_HELP = "Synced from the CSV — change it in the source system.";
export const SYNCED_HELP_ID = "grid-synced-help";
