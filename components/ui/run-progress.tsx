import type { RunProgressJson } from "@/lib/sync-shapes/json";

// "12,000 of 200,000 rows synced" with a bar: a run in flight, as the server reports it.
export function describeProgress(progress: RunProgressJson): string {
  const total = progress.rowsTotal.toLocaleString("en-US");
  if (progress.phase === "writing") return `Saving ${total} rows…`;
  return `${progress.rowsDone.toLocaleString("en-US")} of ${total} rows synced`;
}

export function RunProgressBar({ progress, className = "" }: { progress: RunProgressJson; className?: string }) {
  const text = describeProgress(progress);
  return (
    <span className={`inline-flex flex-col gap-1 ${className}`}>
      <progress className="h-2 w-full accent-blue-600" max={Math.max(progress.rowsTotal, 1)} value={progress.rowsDone} aria-label={text} />
      <span className="text-sm text-gray-700">{text}</span>
    </span>
  );
}
