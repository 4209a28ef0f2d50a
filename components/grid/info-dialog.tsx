"use client";
import { useEffect, useRef, type ReactNode } from "react";

type Props = { open: boolean; title: string; onClose: () => void; onClosed?: () => void; children: ReactNode };

// A native modal dialog (focus trap, Escape to close) shown while `open`. The element marked
// `data-autofocus` takes the focus when it opens. `onClose` asks for it to close (the close button,
// Escape, a finished form); `onClosed` runs once it has closed, after the browser has put the focus
// back where it was before: the place to move the focus elsewhere, exactly once.
export function InfoDialog({ open, title, onClose, onClosed, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element (the close button) unless told otherwise.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={() => {
        onClose();
        onClosed?.();
      }}
      aria-label={title}
      className="m-auto w-[min(40rem,90vw)] rounded-lg border border-gray-200 p-0 shadow-xl backdrop:bg-black/30"
    >
      <div className="flex items-center justify-between border-b border-gray-200 px-4 py-2">
        <h2 className="font-medium">{title}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 text-gray-600 hover:bg-gray-100" aria-label="Close">
          ✕
        </button>
      </div>
      <div className="max-h-[70vh] overflow-auto p-4 text-sm">{open && children}</div>
    </dialog>
  );
}
