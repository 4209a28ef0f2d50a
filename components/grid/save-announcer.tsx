"use client";
import { useSaveMessage, type SaveStatusStore } from "./save-status";

// The polite live region of the table's edits: "Saving Status…", "Saved Status.", or why not.
export function SaveAnnouncer({ store }: { store: SaveStatusStore }) {
  const message = useSaveMessage(store);
  const failed = message.startsWith("Could not") || message.startsWith("Not saved");
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={`min-w-0 flex-1 basis-0 truncate text-sm ${failed ? "font-medium text-red-700" : "text-gray-700"}`} title={message}>
      {message}
    </span>
  );
}
