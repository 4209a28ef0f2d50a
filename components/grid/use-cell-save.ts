"use client";
// Saving one cell: the new value shows at once, the write goes to the server
// (PATCH …/records/{id}), and then the record as the server answered it replaces the row (so the
// later of two people's writes is what both end up seeing), or, on a refusal, the old value comes
// back and the cell says why. Writes of one cell go one after another, in the order made.
import { useCallback, useRef } from "react";
import { apiRequest, ApiRequestError } from "@/components/api/client";
import type { GridField, GridRecord } from "@/lib/records/grid";
import { sameValue } from "@/lib/grid/cell-edit";
import { cellKey, type SaveStatusStore } from "./save-status";

export type SaveCell = (record: GridRecord, field: GridField, value: unknown) => void;
export type UpdateRecord = (id: string, update: (record: GridRecord) => GridRecord) => void;

// The server's reason, as a sentence; a field that is gone (deleted by someone else, or in another
// tab) is said in the grid's words rather than as the API's unknown field id.
function failureReason(err: unknown): string {
  if (err instanceof ApiRequestError && err.type === "UNKNOWN_FIELD_NAME") {
    return `The field was deleted; reload the page.`;
  }
  return sentence((err as Error).message);
}

function withCell(record: GridRecord, fieldId: string, value: unknown): GridRecord {
  const cells = { ...record.cells } as Record<string, unknown>;
  if (value === null || value === undefined) delete cells[fieldId];
  else cells[fieldId] = value;
  return { ...record, cells: cells as GridRecord["cells"] };
}

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function useCellSave(input: { recordsPath: string; store: SaveStatusStore; updateRecord: UpdateRecord }): SaveCell {
  const { recordsPath, store, updateRecord } = input;
  const queues = useRef(new Map<string, Promise<void>>());

  return useCallback(
    (record, field, value) => {
      const old = (record.cells as Record<string, unknown>)[field.id];
      if (sameValue(old, value)) return;
      const key = cellKey(record.id, field.id);
      updateRecord(record.id, (r) => withCell(r, field.id, value));
      store.set(key, { state: "saving" }, `Saving ${field.name}…`);
      const previous = queues.current.get(key) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          const answer = await apiRequest<GridRecord>(`${recordsPath}/${record.id}`, {
            method: "PATCH",
            json: { fields: { [field.id]: value ?? null } },
          });
          updateRecord(record.id, () => answer);
          store.set(key, { state: "saved" }, `Saved ${field.name}.`);
        } catch (err) {
          const reason = failureReason(err);
          updateRecord(record.id, (r) => withCell(r, field.id, old));
          store.set(key, { state: "failed", reason }, `Could not save ${field.name}: ${reason} The previous value is back.`);
        }
      });
      queues.current.set(key, next);
    },
    [recordsPath, store, updateRecord],
  );
}
