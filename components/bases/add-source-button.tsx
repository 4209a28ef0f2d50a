"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { filterSources } from "./sources";

// "+ Add or import" (just "+" when the base has more than 3 tables) and its sources popover.
export function AddSourceButton({ baseId, compact }: { baseId: string; compact: boolean }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const panelId = useId();
  const sources = filterSources(query);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      // Focus goes back to the button that opened the list, not to the page's start.
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="shrink-0 pb-1 sm:relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={compact ? "Add or import" : undefined}
        title={compact ? "Add or import" : undefined}
        onClick={() => setOpen((v) => !v)}
        className="rounded-md px-2.5 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {compact ? "+" : "+ Add or import"}
      </button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Add or import"
          className="absolute z-20 mt-1 rounded-lg border border-gray-200 bg-white p-3 shadow-lg max-sm:inset-x-0 sm:left-0 sm:w-[22rem]"
        >
          <label htmlFor={`${panelId}-search`} className="sr-only">
            Find a source
          </label>
          <input
            id={`${panelId}-search`}
            type="search"
            autoFocus
            placeholder="Find a source"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "ArrowDown") return;
              e.preventDefault();
              listRef.current?.querySelector<HTMLElement>("a")?.focus();
            }}
            className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-200 focus:outline-none"
          />
          <p className="mt-3 mb-1 text-xs font-medium tracking-wide text-gray-500 uppercase">Add from other sources</p>
          <ul ref={listRef} className="max-h-72 overflow-y-auto" onKeyDown={(e) => moveThroughSources(e, listRef.current)}>
            {sources.map((source) => (
              <li key={source.name}>
                {source.href ? (
                  <Link
                    href={source.href(baseId)}
                    prefetch={false}
                    onClick={() => setOpen(false)}
                    className="block rounded-md px-2 py-2 hover:bg-blue-50 focus-visible:bg-blue-50 focus-visible:outline-none"
                  >
                    <span className="block text-sm font-medium text-gray-900">{source.name}</span>
                    <span className="block text-xs text-gray-500">{source.description}</span>
                  </Link>
                ) : (
                  <div aria-disabled="true" className="flex items-start justify-between gap-2 px-2 py-2 text-gray-500">
                    <span>
                      <span className="block text-sm font-medium">{source.name}</span>
                      <span className="block text-xs">{source.description}</span>
                    </span>
                    <span className="shrink-0 rounded bg-gray-100 px-1.5 py-0.5 text-xs">Not available yet</span>
                  </div>
                )}
              </li>
            ))}
            {sources.length === 0 ? <li className="px-2 py-2 text-sm text-gray-500">No source matches “{query}”.</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

// Up and Down move between the sources that can be opened; Up from the first goes back to the search.
function moveThroughSources(e: React.KeyboardEvent, list: HTMLUListElement | null) {
  if (!list || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
  e.preventDefault();
  const links = [...list.querySelectorAll<HTMLElement>("a")];
  const at = links.indexOf(document.activeElement as HTMLElement);
  const next = e.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
  if (next >= 0) links[next].focus();
  else list.closest('[role="dialog"]')?.querySelector<HTMLElement>('input[type="search"]')?.focus();
}
