import type { CellSaveStatus } from "./save-status";

// The cell's own sign of its last write: a spinner while saving, a tick once saved, a red mark
// with the reason when refused. The live region says the same in words.
export function SaveMarker({ status }: { status: CellSaveStatus }) {
  if (status.state === "saving") {
    return (
      <span data-testid="cell-saving" className="ml-1 h-3 w-3 shrink-0 animate-spin rounded-full border-2 border-blue-600 border-t-transparent">
        <span className="sr-only">Saving</span>
      </span>
    );
  }
  if (status.state === "saved") {
    return (
      <span data-testid="cell-saved" className="ml-1 shrink-0 text-xs text-green-700" title="Saved">
        ✓<span className="sr-only">Saved</span>
      </span>
    );
  }
  return (
    <span data-testid="cell-failed" className="ml-1 shrink-0 rounded bg-red-700 px-1 text-xs font-medium text-white" title={`Not saved: ${status.reason}`}>
      !<span className="sr-only">Not saved: {status.reason}</span>
    </span>
  );
}
