"use client";
import { useState } from "react";
import { DeleteSyncDialog } from "./delete-sync-dialog";

// Under the setup wizard: give up on a sync that is still being set up.
export function DiscardSetupButton({ baseId, syncId }: { baseId: string; syncId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-sm font-medium text-red-700 hover:underline">
        Discard this setup…
      </button>
      <DeleteSyncDialog open={open} onClose={() => setOpen(false)} baseId={baseId} syncId={syncId} target={{ kind: "setup" }} />
    </>
  );
}
