"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError } from "@/components/api/client";
import { deleteSync } from "@/components/sync-wizard/api";
import { Button } from "@/components/ui/button";

type Props = {
  open: boolean;
  onClose: () => void;
  baseId: string;
  syncId: string;
  // A table to delete (with its record count when known), or a setup to discard.
  target: { kind: "table"; name: string; recordCount?: number } | { kind: "setup" };
};

// Confirms, by name, what deleting a sync loses, then deletes it and returns to the base.
export function DeleteSyncDialog({ open, onClose, baseId, syncId, target }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const title = target.kind === "table" ? `Delete the table “${target.name}”?` : "Discard this setup?";
  const action = target.kind === "table" ? "Delete table" : "Discard setup";
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteSync(baseId, syncId);
      router.push(`/bases/${baseId}`);
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : "Could not delete. Try again.");
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="delete-sync-title"
      className="m-auto w-[min(32rem,90vw)] rounded-lg border border-gray-200 p-0 shadow-xl backdrop:bg-black/30"
    >
      {open && (
        <div className="p-4 text-sm">
          <h2 id="delete-sync-title" className="text-base font-semibold">{title}</h2>
          {target.kind === "table" ? (
            <p className="mt-2 text-gray-700">
              This deletes {target.recordCount === undefined ? "all its records" : `its ${target.recordCount.toLocaleString("en-US")} ${target.recordCount === 1 ? "record" : "records"}`},
              its fields, its run history and its sync endpoint: requests to its sync URL will then fail. This cannot be undone.
            </p>
          ) : (
            <p className="mt-2 text-gray-700">
              This deletes the sync endpoint and every request it received: its sync URL will then fail. This cannot be undone.
            </p>
          )}
          {error && <p role="alert" className="mt-2 text-red-700">{error}</p>}
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose} autoFocus>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirm} disabled={busy}>
              {busy ? "Deleting…" : action}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
