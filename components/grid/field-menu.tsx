"use client";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { GridField } from "@/lib/records/grid";

export type FieldMenuAction = "rename" | "moveLeft" | "moveRight" | "delete";

type Props = { field: GridField; canMoveLeft: boolean; canMoveRight: boolean; onAction: (action: FieldMenuAction) => void };

// An own field's header menu (menu button pattern): arrows move, Enter runs, Escape closes and
// gives focus back to the button.
export function FieldMenu({ field, canMoveLeft, canMoveRight, onAction }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items: { action: FieldMenuAction; label: string; enabled: boolean }[] = [
    { action: "rename", label: "Rename field", enabled: true },
    { action: "moveLeft", label: "Move left", enabled: canMoveLeft },
    { action: "moveRight", label: "Move right", enabled: canMoveRight },
    { action: "delete", label: "Delete field", enabled: true },
  ];
  const enabled = items.filter((i) => i.enabled);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const nodes = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = nodes.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      nodes[(at + (e.key === "ArrowDown" ? 1 : nodes.length - 1)) % nodes.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      nodes[e.key === "Home" ? 0 : nodes.length - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === "Tab") {
      close(false);
    }
  };

  return (
    <div className="relative h-full">
      <button
        ref={button}
        type="button"
        aria-label={`Field options for ${field.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="h-full px-1.5 text-gray-700 hover:bg-gray-200"
      >
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={`${field.name} options`}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== button.current) setOpen(false);
          }}
          className="absolute top-full right-0 z-50 mt-0.5 w-44 rounded-md border border-gray-300 bg-white py-1 text-sm font-normal text-gray-900 shadow-lg"
        >
          {enabled.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(false);
                onAction(item.action);
              }}
              className={`block w-full px-3 py-1.5 text-left hover:bg-gray-100 focus:bg-blue-100 focus:outline-none ${item.action === "delete" ? "text-red-700" : ""}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
