"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import type { GridField } from "@/lib/records/grid";
import { hasChoices, OWN_FIELD_TYPES } from "@/lib/grid/own-field-types";
import { countOf } from "@/lib/text";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ChoicesEditor, type DraftChoice } from "./choices-editor";
import { InfoDialog } from "./info-dialog";
import type { NewField } from "./use-own-fields";

const inputClass = "mt-1 w-full rounded-md border border-gray-300 px-2 py-1.5";

// Runs a dialog's request: busy while it runs, the server's reason when refused.
function useSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

// Cancel, then the dialog's own action.
function DialogActions({ onCancel, cancelFirst, children }: { onCancel: () => void; cancelFirst?: boolean; children: ReactNode }) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <Button variant="secondary" data-autofocus={cancelFirst || undefined} onClick={onCancel}>
        Cancel
      </Button>
      {children}
    </div>
  );
}

function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="mt-3 text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

type Closing = { onClose: () => void; onClosed: () => void };

export function AddFieldDialog({ open, onClose, onClosed, onAdd }: Closing & { open: boolean; onAdd: (field: NewField) => Promise<unknown> }) {
  return (
    <InfoDialog open={open} title="Add field" onClose={onClose} onClosed={onClosed}>
      <AddFieldForm onClose={onClose} onAdd={onAdd} />
    </InfoDialog>
  );
}

function AddFieldForm({ onClose, onAdd }: { onClose: () => void; onAdd: (field: NewField) => Promise<unknown> }) {
  const [name, setName] = useState("");
  const [type, setType] = useState("singleLineText");
  const [choices, setChoices] = useState<DraftChoice[]>([]);
  const { busy, error, run } = useSubmit(onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: NewField = { name: name.trim(), type };
    if (hasChoices(type)) body.options = { choices: choices.filter((c) => c.name.trim()).map((c) => ({ name: c.name.trim(), color: c.color })) };
    void run(() => onAdd(body));
  };
  return (
    <form onSubmit={submit}>
      <label className="block text-sm font-medium">
        Name
        <input data-autofocus required value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
      </label>
      <label className="mt-3 block text-sm font-medium">
        Type
        <select value={type} onChange={(e) => setType(e.target.value)} className={inputClass}>
          {OWN_FIELD_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {hasChoices(type) && <ChoicesEditor choices={choices} onChange={setChoices} />}
      <ErrorText error={error} />
      <DialogActions onCancel={onClose}>
        <SubmitButton disabled={busy}>
          {busy ? "Adding…" : "Add field"}
        </SubmitButton>
      </DialogActions>
    </form>
  );
}

export function RenameFieldDialog({ field, onClose, onClosed, onRename }: Closing & { field: GridField | null; onRename: (field: GridField, name: string) => Promise<unknown> }) {
  return (
    <InfoDialog open={field !== null} title={`Rename ${field?.name ?? ""}`} onClose={onClose} onClosed={onClosed}>
      {field && <RenameForm field={field} onClose={onClose} onRename={onRename} />}
    </InfoDialog>
  );
}

function RenameForm({ field, onClose, onRename }: { field: GridField; onClose: () => void; onRename: (field: GridField, name: string) => Promise<unknown> }) {
  const [name, setName] = useState(field.name);
  const { busy, error, run } = useSubmit(onClose);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => onRename(field, name.trim()));
      }}
    >
      <label className="block text-sm font-medium">
        New name
        <input data-autofocus required value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
      </label>
      <ErrorText error={error} />
      <DialogActions onCancel={onClose}>
        <SubmitButton disabled={busy}>
          Rename
        </SubmitButton>
      </DialogActions>
    </form>
  );
}

type DeleteProps = Closing & { field: GridField | null; recordCount: number | null; onDelete: (field: GridField) => Promise<unknown> };

export function DeleteFieldDialog({ field, recordCount, onClose, onClosed, onDelete }: DeleteProps) {
  const { busy, error, run } = useSubmit(onClose);
  const records = recordCount === null ? "every record" : `every record (${countOf(recordCount, "record")})`;
  return (
    <InfoDialog open={field !== null} title={`Delete the field ${field?.name ?? ""}?`} onClose={onClose} onClosed={onClosed}>
      <p>
        The field <strong>“{field?.name}”</strong> and its values in {records} of this table are lost. This cannot be undone.
      </p>
      <ErrorText error={error} />
      <DialogActions onCancel={onClose} cancelFirst>
        <Button variant="destructive" disabled={busy} onClick={() => field && void run(() => onDelete(field))}>
          Delete field
        </Button>
      </DialogActions>
    </InfoDialog>
  );
}
