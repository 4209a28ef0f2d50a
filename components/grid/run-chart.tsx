"use client";
// The run history at a glance: one bar per run, oldest left. Created / updated / deleted records
// stack; a failed run is a full-height red bar; the line is the run's duration (right axis).
// Recharts (see ARCHITECTURE.md, "Run-history chart"); mid-tone colours read on light and dark.
// One Bar series whose shape draws a run's stacked segments: four stacked series cost ~0.4 s of
// rendering each at 500 runs.
import { Bar, type BarShapeProps, CartesianGrid, ComposedChart, Line, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SyncRunJson } from "@/lib/sync-shapes/json";
import { formatCount, formatMs, momentLabels } from "@/lib/text";

export const RUN_COLOURS = { created: "#16a34a", updated: "#3b82f6", deleted: "#9ca3af", failed: "#ef4444", duration: "#d97706" };

// A run's records, bottom up; a failed run has only its red segment.
const RECORDS = ["created", "updated", "deleted"] as const;
const SEGMENTS = [...RECORDS, "failed"] as const;
const NAMES = { created: "Created", updated: "Updated", deleted: "Deleted", failed: "Failed", duration: "Duration" };

type Point = { id: string; label: string; created: number; updated: number; deleted: number; failed: number; height: number; durationMs: number | null };

// About this many dates under the bars, whatever the number of runs.
const X_TICKS = 6;

// Runs arrive newest first; the chart reads left to right in time.
export function chartPoints(runs: SyncRunJson[]): Point[] {
  const oldestFirst = [...runs].reverse();
  const tallest = Math.max(1, ...oldestFirst.map((r) => r.created + r.updated + r.deleted));
  const labels = momentLabels(oldestFirst.map((r) => new Date(r.startedAt)));
  return oldestFirst.map((r, i) => {
    const ok = r.status !== "failed";
    const [created, updated, deleted] = ok ? [r.created, r.updated, r.deleted] : [0, 0, 0];
    const failed = ok ? 0 : tallest;
    const height = created + updated + deleted + failed;
    return { id: r.id, label: labels[i], created, updated, deleted, failed, height, durationMs: r.durationMs };
  });
}

// A run's bar: its segments bottom up, each as tall as its share of the run's records.
function RunBar({ x, y, width, height, payload }: BarShapeProps) {
  const point = payload as Point;
  if (!point.height || !height) return <g />;
  const segments: { key: (typeof SEGMENTS)[number]; top: number; h: number }[] = [];
  let bottom = y + height;
  for (const key of SEGMENTS) {
    if (point[key] <= 0) continue;
    const h = (height * point[key]) / point.height;
    bottom -= h;
    segments.push({ key, top: bottom, h });
  }
  return (
    <g>
      {segments.map(({ key, top, h }) => (
        <Rectangle key={key} x={x} y={top} width={width} height={h} fill={RUN_COLOURS[key]} />
      ))}
    </g>
  );
}

function RunTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded border border-gray-200 bg-white px-2 py-1 text-xs text-gray-900 shadow">
      <p className="font-medium">{point.label}</p>
      {point.failed > 0 ? (
        <p style={{ color: RUN_COLOURS.failed }}>failed run</p>
      ) : (
        RECORDS.map((key) => (
          <p key={key} style={{ color: RUN_COLOURS[key] }}>{`${NAMES[key]}: ${formatCount(point[key])}`}</p>
        ))
      )}
      {point.durationMs !== null && <p style={{ color: RUN_COLOURS.duration }}>{`${NAMES.duration}: ${formatMs(point.durationMs)}`}</p>}
    </div>
  );
}

export function RunChart({ runs }: { runs: SyncRunJson[] }) {
  const points = chartPoints(runs);
  const failures = runs.filter((r) => r.status === "failed").length;
  return (
    <figure className="px-4 pt-2 text-gray-700" data-testid="run-chart">
      <figcaption className="sr-only">
        {`Chart of the last ${formatCount(runs.length)} runs: records created, updated and deleted per run, ${formatCount(failures)} failed, and each run's duration.`}
      </figcaption>
      <div aria-hidden>
        <div className="h-44 w-full">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 176 }}>
            <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={points.length > 100 ? 0 : "15%"}>
              <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
              <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 11 }} interval={Math.max(0, Math.ceil(points.length / X_TICKS) - 1)} tickLine={false} stroke="currentColor" />
              <YAxis yAxisId="records" tick={{ fill: "currentColor", fontSize: 11 }} width={48} tickFormatter={formatCount} stroke="currentColor" allowDecimals={false} />
              <YAxis yAxisId="ms" orientation="right" tick={{ fill: "currentColor", fontSize: 11 }} width={64} tickFormatter={formatMs} stroke="currentColor" />
              <Tooltip content={RunTooltip} />
              <Bar yAxisId="records" dataKey="height" shape={RunBar} isAnimationActive={false} />
              <Line
                yAxisId="ms"
                dataKey="durationMs"
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
        <ul className="flex flex-wrap justify-center gap-x-4 pb-1 text-xs">
          {([...SEGMENTS, "duration"] as const).map((key) => (
            <li key={key} className="flex items-center gap-1">
              <span className={key === "duration" ? "h-0.5 w-3" : "h-2.5 w-2.5"} style={{ background: RUN_COLOURS[key] }} />
              {NAMES[key]}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
