"use client";
import { useCallback, useState } from "react";
import type { GridField } from "@/lib/records/grid";
import { AddFieldDialog, DeleteFieldDialog, RenameFieldDialog } from "./field-dialogs";
import type { FieldMenuAction } from "./field-menu";
import type { SaveStatusStore } from "./save-status";
import type { useOwnFields } from "./use-own-fields";

type OwnFields = ReturnType<typeof useOwnFields>;

// The dialogs behind the header's "+" and an own field's menu. `afterClose` gives focus back to
// the grid once a dialog has closed (not before: closing a modal dialog puts the focus back on what
// opened it, which would undo an earlier move).
export function useFieldManager(input: { own: OwnFields; store: SaveStatusStore; recordCount: number | null; afterClose: () => void }) {
  const { own, store, afterClose } = input;
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<GridField | null>(null);
  const [deleting, setDeleting] = useState<GridField | null>(null);

  const onMenu = useCallback(
    (field: GridField, action: FieldMenuAction) => {
      if (action === "rename") setRenaming(field);
      else if (action === "delete") setDeleting(field);
      else {
        own.move(field, action === "moveLeft" ? -1 : 1).then(
          () => store.announce(`Moved ${field.name} ${action === "moveLeft" ? "left" : "right"}.`),
          (err: Error) => store.announce(`Could not move ${field.name}: ${err.message}`),
        );
      }
    },
    [own, store],
  );

  const dialogs = (
    <>
      <AddFieldDialog
        open={adding}
        onClose={() => setAdding(false)}
        onClosed={afterClose}
        onAdd={async (body) => {
          const created = await own.add(body);
          store.announce(`Added the field ${created.name}.`);
        }}
      />
      <RenameFieldDialog
        field={renaming}
        onClose={() => setRenaming(null)}
        onClosed={afterClose}
        onRename={async (field, name) => {
          await own.rename(field, name);
          store.announce(`Renamed ${field.name} to ${name}.`);
        }}
      />
      <DeleteFieldDialog
        field={deleting}
        recordCount={input.recordCount}
        onClose={() => setDeleting(null)}
        onClosed={afterClose}
        onDelete={async (field) => {
          await own.remove(field);
          store.announce(`Deleted the field ${field.name}.`);
        }}
      />
    </>
  );
  return { openAdd: useCallback(() => setAdding(true), []), onMenu, dialogs };
}
