"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { MENU_ITEM as ITEM, useDismiss } from "@/components/ui/use-dismiss";

// "Table options": update the sync configuration, download the table as CSV, delete the table.
export function TableMenu({ configureHref, csvHref, onDelete }: { configureHref: string | null; csvHref: string; onDelete: (() => void) | null }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, ref, () => setOpen(false));

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50"
      >
        Table options ▾
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-30 mt-1 w-60 rounded-md border border-gray-200 bg-white py-1 shadow-lg">
          {configureHref && (
            <Link role="menuitem" href={configureHref} prefetch={false} className={ITEM} onClick={() => setOpen(false)}>
              Update sync configuration
            </Link>
          )}
          <a role="menuitem" href={csvHref} download className={ITEM} onClick={() => setOpen(false)}>
            Download CSV
          </a>
          {onDelete && (
            <button
              type="button"
              role="menuitem"
              className={`${ITEM} text-red-700`}
              onClick={() => {
                setOpen(false);
                onDelete();
              }}
            >
              Delete table…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
