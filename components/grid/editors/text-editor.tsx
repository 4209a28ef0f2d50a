"use client";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CommitHow } from "../grid-context";

type Props = {
  label: string;
  multiline: boolean;
  initial: string;
  onCommit: (text: string, how: CommitHow) => void;
  onCancel: () => void;
  className?: string;
};

// A cell's text editor: Enter commits (Shift+Enter is a new line in long text), Tab commits and
// moves, Escape cancels, leaving it commits. Keys never reach the grid while it is open.
export function TextEditor({ label, multiline, initial, onCommit, onCancel, className = "" }: Props) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const finish = (how: CommitHow | "cancel") => {
    if (done.current) return;
    done.current = true;
    if (how === "cancel") onCancel();
    else onCommit(text, how);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === "Enter" && !(multiline && (e.shiftKey || e.altKey))) {
      e.preventDefault();
      finish("enter");
    } else if (e.key === "Tab") {
      e.preventDefault();
      finish(e.shiftKey ? "shiftTab" : "tab");
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish("cancel");
    }
  };
  const common = {
    ref,
    value: text,
    "aria-label": label,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onKeyDown,
    onBlur: () => finish("blur"),
    className: `w-full rounded-sm border-2 border-blue-600 bg-white px-2 text-sm text-gray-900 outline-none ${className}`,
  };
  return multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />;
}
