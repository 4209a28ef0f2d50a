import type { RunProgressJson } from "@/lib/sync-shapes/json";
import { RunProgressBar } from "../../ui/run-progress";

// Shown while the PUT runs the first sync (or applies a new configuration): the server's progress
// once the run has some (large tables), a spinner before that.
export function CreatingStep({ mode, rowCount, progress }: { mode: "setup" | "configure"; rowCount: number | null; progress: RunProgressJson | null }) {
  const rows = rowCount === null ? "" : ` Syncing ${rowCount.toLocaleString("en-US")} ${rowCount === 1 ? "row" : "rows"} from the latest request.`;
  return (
    <div role="status" aria-live="polite" className="flex flex-col items-center gap-3 py-12 text-center">
      {!progress && <span aria-hidden className="inline-block h-8 w-8 motion-safe:animate-spin rounded-full border-4 border-gray-200 border-t-blue-600" />}
      <p className="text-base font-medium">{mode === "configure" ? "Saving configuration…" : "Creating table…"}</p>
      {progress ? <RunProgressBar progress={progress} className="w-72" /> : <p className="text-sm text-gray-600">{rows.trim() || "This may take a moment."}</p>}
    </div>
  );
}
