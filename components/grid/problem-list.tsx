"use client";
// A run's problems, grouped by column with counts: each names the record's key (not only the CSV
// row) and offers "Show in grid", which jumps to the cell.
import type { SyncProblemJson as Problem } from "@/lib/sync-shapes/json";
import { countOf } from "@/lib/text";

export type ShowInGrid = (target: { key: string; column: string }) => void;

export function groupProblems(problems: Problem[]): { column: string; problems: Problem[] }[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = groups.get(p.column) ?? [];
    list.push(p);
    groups.set(p.column, list);
  }
  return [...groups].map(([column, list]) => ({ column, problems: list })).sort((a, b) => b.problems.length - a.problems.length);
}

export function ProblemList({ problems, total, onShowInGrid }: { problems: Problem[]; total: number; onShowInGrid: ShowInGrid }) {
  const groups = groupProblems(problems);
  return (
    <div className="text-xs">
      <p className="pb-1 text-gray-700">
        Cells left empty or rows skipped{total > problems.length ? ` (the first ${problems.length.toLocaleString("en-US")} of ${total.toLocaleString("en-US")})` : ""}
      </p>
      {groups.map((group) => (
        <details key={group.column} open={groups.length <= 3} className="mt-1">
          <summary className="cursor-pointer py-1 font-medium text-gray-900">
            {group.column} · {countOf(group.problems.length, "problem")}
          </summary>
          <table className="w-full text-left" aria-label={`Problems in ${group.column}`}>
            <thead>
              <tr>
                {["Record", "CSV row", "Value", "Why", ""].map((h, i) => (
                  <th key={i} scope="col" className="px-2 py-1 font-medium">
                    {h || <span className="sr-only">Action</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {group.problems.map((p, i) => (
                <tr key={i} className="border-t border-amber-100">
                  <td className="px-2 py-1 font-mono">{p.key ?? <span className="text-gray-600">no key</span>}</td>
                  <td className="px-2 py-1 tabular-nums">{p.row.toLocaleString("en-US")}</td>
                  <td className="max-w-xs truncate px-2 py-1 font-mono" title={p.value}>
                    {p.value}
                  </td>
                  <td className="px-2 py-1">{p.reason}</td>
                  <td className="px-2 py-1 text-right">
                    {p.key && (
                      <button type="button" className="text-blue-700 underline" onClick={() => onShowInGrid({ key: p.key!, column: p.column })}>
                        Show in grid
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
