"use client";
// The run history at a glance: one bar per run, oldest left. Created / updated / deleted records
// stack; a failed run is a full-height red bar; the line is the run's duration (right axis).
// Recharts (see ARCHITECTURE.md, "Run-history chart"); mid-tone colours read on light and dark.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SyncRunJson } from "@/lib/sync-shapes/json";
import { formatCount } from "@/lib/text";

export const RUN_COLOURS = { created: "#16a34a", updated: "#3b82f6", deleted: "#9ca3af", failed: "#ef4444", duration: "#d97706" };

type Point = { id: string; label: string; created: number; updated: number; deleted: number; failed: number; durationMs: number | null };

// Runs arrive newest first; the chart reads left to right in time.
export function chartPoints(runs: SyncRunJson[]): Point[] {
  const oldestFirst = [...runs].reverse();
  const tallest = Math.max(1, ...oldestFirst.map((r) => r.created + r.updated + r.deleted));
  return oldestFirst.map((r) => ({
    id: r.id,
    label: new Date(r.startedAt).toLocaleString("en", { dateStyle: "short", timeStyle: "short" }),
    created: r.status === "failed" ? 0 : r.created,
    updated: r.status === "failed" ? 0 : r.updated,
    deleted: r.status === "failed" ? 0 : r.deleted,
    failed: r.status === "failed" ? tallest : 0,
    durationMs: r.durationMs,
  }));
}

export function RunChart({ runs }: { runs: SyncRunJson[] }) {
  const points = chartPoints(runs);
  const failures = runs.filter((r) => r.status === "failed").length;
  return (
    <figure className="px-4 pt-2 text-gray-700" data-testid="run-chart">
      <figcaption className="sr-only">
        {`Chart of the last ${formatCount(runs.length)} runs: records created, updated and deleted per run, ${formatCount(failures)} failed, and each run's duration.`}
      </figcaption>
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 192 }}>
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={points.length > 100 ? 0 : "15%"}>
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 11 }} minTickGap={40} tickLine={false} stroke="currentColor" />
            <YAxis yAxisId="records" tick={{ fill: "currentColor", fontSize: 11 }} width={48} tickFormatter={formatCount} stroke="currentColor" allowDecimals={false} />
            <YAxis
              yAxisId="ms"
              orientation="right"
              tick={{ fill: "currentColor", fontSize: 11 }}
              width={56}
              tickFormatter={(ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`)}
              stroke="currentColor"
            />
            <Tooltip
              contentStyle={{ background: "var(--color-white)", borderColor: "var(--color-gray-200)", color: "var(--color-gray-900)", fontSize: 12 }}
              formatter={(value, name) => (name === "Duration" ? `${formatCount(Number(value))} ms` : name === "Failed" ? "failed run" : formatCount(Number(value)))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="records" dataKey="created" name="Created" stackId="runs" fill={RUN_COLOURS.created} isAnimationActive={false} />
            <Bar yAxisId="records" dataKey="updated" name="Updated" stackId="runs" fill={RUN_COLOURS.updated} isAnimationActive={false} />
            <Bar yAxisId="records" dataKey="deleted" name="Deleted" stackId="runs" fill={RUN_COLOURS.deleted} isAnimationActive={false} />
            <Bar yAxisId="records" dataKey="failed" name="Failed" stackId="runs" fill={RUN_COLOURS.failed} isAnimationActive={false} />
            <Line
              yAxisId="ms"
              dataKey="durationMs"
              name="Duration"
              type="monotone"
              stroke={RUN_COLOURS.duration}
              strokeWidth={2}
              dot={points.length <= 60}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
