"use client";
// A drop-down's way out: a press outside `ref` or Escape closes it while it is open. `onEscape`
// runs on Escape first (a menu hands the focus back to its button).
import { useEffect, type RefObject } from "react";

export function useDismiss(open: boolean, ref: RefObject<HTMLElement | null>, close: () => void, onEscape?: () => void) {
  useEffect(() => {
    if (!open) return;
    const dismiss = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        onEscape?.();
      } else if (ref.current?.contains(e.target as Node)) return;
      close();
    };
    document.addEventListener("mousedown", dismiss);
    document.addEventListener("keydown", dismiss);
    return () => {
      document.removeEventListener("mousedown", dismiss);
      document.removeEventListener("keydown", dismiss);
    };
  }, [open, ref, close, onEscape]);
}

// A drop-down menu's item.
export const MENU_ITEM = "block w-full px-3 py-2 text-left text-sm text-gray-800 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none";
