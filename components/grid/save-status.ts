"use client";
// The saving state of each edited cell ("recordId:fieldId" → saving, saved, failed with the
// reason) and the latest message for the live region. An external store, so a status change
// re-renders only the cell it belongs to, never the grid.
import { useSyncExternalStore } from "react";

export type CellSaveStatus = { state: "saving" } | { state: "saved" } | { state: "failed"; reason: string };

const SAVED_SHOWN_MS = 4000;

export const cellKey = (recordId: string, fieldId: string) => `${recordId}:${fieldId}`;

export class SaveStatusStore {
  private statuses = new Map<string, CellSaveStatus>();
  private listeners = new Set<() => void>();
  private message = "";

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (key: string): CellSaveStatus | undefined => this.statuses.get(key);
  latestMessage = () => this.message;

  set(key: string, status: CellSaveStatus, message: string) {
    this.statuses.set(key, status);
    this.message = message;
    this.notify();
    // A tick is news for a moment; a refusal stays until the cell is written again.
    if (status.state === "saved") {
      setTimeout(() => {
        if (this.statuses.get(key) !== status) return;
        this.statuses.delete(key);
        this.notify();
      }, SAVED_SHOWN_MS);
    }
  }

  // A message for the live region that belongs to no cell (a field added, moved, refused).
  announce(message: string) {
    this.message = message;
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}

export function useCellSaveStatus(store: SaveStatusStore, key: string): CellSaveStatus | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get(key), () => undefined);
}

export function useSaveMessage(store: SaveStatusStore): string {
  return useSyncExternalStore(store.subscribe, store.latestMessage, () => "");
}
