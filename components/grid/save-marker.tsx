import type { CellSaveStatus } from "./save-status";

// The cell's own sign of its last write: a spinner while saving, a tick once saved, a red mark
// with the reason when refused. Named images (glyphs drawn by CSS), so the cell's text stays its
// value; the live region says the same in words.
export function SaveMarker({ status }: { status: CellSaveStatus }) {
  if (status.state === "saving") {
    return <span role="img" aria-label="Saving" data-testid="cell-saving" className="ml-1 h-3 w-3 shrink-0 motion-safe:animate-spin rounded-full border-2 border-blue-600 border-t-transparent" />;
  }
  if (status.state === "saved") {
    return <span role="img" aria-label="Saved" title="Saved" data-testid="cell-saved" className="ml-1 shrink-0 text-xs text-green-700 after:content-['✓']" />;
  }
  return (
    <span
      role="img"
      aria-label={`Not saved: ${status.reason}`}
      title={`Not saved: ${status.reason}`}
      data-testid="cell-failed"
      className="ml-1 shrink-0 rounded bg-red-700 px-1 text-xs font-medium text-white after:content-['!']"
    />
  );
}
