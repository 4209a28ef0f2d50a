"use client";
// The current table tab's own drop-down, as in the reference product: "Update sync configuration"
// and "Sync now". The table page listens for SYNCED_EVENT to show the new run and rows.
import Link from "next/link";
import { useRef, useState } from "react";
import { ApiRequestError, apiRequest } from "@/components/api/client";
import { MENU_ITEM as ITEM, useDismiss } from "@/components/ui/use-dismiss";

export const SYNCED_EVENT = "tablesync:synced";

type Props = { baseId: string; tableName: string; syncId: string; canConfigure: boolean; canRun: boolean };

export function TabMenu({ baseId, tableName, syncId, canConfigure, canRun }: Props) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useDismiss(open, ref, () => setOpen(false), () => buttonRef.current?.focus());

  async function syncNow() {
    setOpen(false);
    setMessage("Syncing…");
    try {
      await apiRequest(`/v0/meta/bases/${baseId}/syncs/${syncId}/run`, { method: "POST" });
      setMessage(null);
    } catch (err) {
      setMessage(err instanceof ApiRequestError && err.status > 0 ? err.message : "Sync now failed: the server could not be reached.");
    }
    window.dispatchEvent(new CustomEvent(SYNCED_EVENT, { detail: { syncId } }));
  }

  if (!canConfigure && !canRun) return null;
  return (
    <div ref={ref} className="relative -mb-px flex items-center border-b-2 border-blue-600">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${tableName} options`}
        onClick={() => setOpen(!open)}
        className="rounded px-1.5 py-1 text-xs text-gray-700 hover:bg-gray-100"
      >
        ▾
      </button>
      {message && (
        <span role="status" className="sr-only">
          {message}
        </span>
      )}
      {open && (
        <div role="menu" aria-label={`${tableName} options`} className="absolute top-full right-0 z-30 mt-1 w-60 rounded-md border border-gray-200 bg-white py-1 shadow-lg sm:left-0">
          {canConfigure && (
            <Link role="menuitem" href={`/bases/${baseId}/sync/${syncId}/configure`} prefetch={false} className={ITEM} onClick={() => setOpen(false)}>
              Update sync configuration
            </Link>
          )}
          {canRun && (
            <button role="menuitem" type="button" className={ITEM} onClick={syncNow}>
              Sync now
            </button>
          )}
        </div>
      )}
    </div>
  );
}
