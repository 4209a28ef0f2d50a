import Link from "next/link";
import { RelativeTime } from "@/components/grid/relative-time";
import { HEALTH_LABELS, type SyncHealth, type SyncOverviewJson } from "@/lib/sync-shapes/overview";
import { countOf, formatCount as count } from "@/lib/text";

const HEALTH_STYLES: Record<SyncHealth, string> = {
  settingUp: "bg-gray-100 text-gray-800",
  active: "bg-green-100 text-green-800",
  waitingForSyncNow: "bg-amber-100 text-amber-900",
  failing: "bg-red-100 text-red-800",
};

// Where a sync's row leads: the wizard while it is being set up, its table after.
const syncHref = (s: SyncOverviewJson) =>
  s.health === "settingUp" ? `/bases/${s.base.id}/sync/${s.id}` : `/bases/${s.base.id}/tables/${s.table.id}`;

function LastRun({ run }: { run: SyncOverviewJson["lastRun"] }) {
  if (!run) return <span className="text-gray-600">No request yet</span>;
  const when = <RelativeTime iso={run.finishedAt ?? run.startedAt} />;
  if (run.status === "failed") {
    return (
      <span>
        <span className="text-red-800">Failed</span> {when}
        {run.error ? <span className="block max-w-md truncate text-xs text-gray-600" title={run.error}>{run.error}</span> : null}
      </span>
    );
  }
  if (run.status === "received") return <span>Request received {when}</span>;
  return (
    <span>
      {count(run.created)} created · {count(run.updated)} updated · {count(run.deleted)} deleted {when}
      {run.problemCount > 0 ? <span className="block text-xs text-amber-900">{countOf(run.problemCount, "problem")}</span> : null}
    </span>
  );
}

function HealthBadge({ health, className = "" }: { health: SyncHealth; className?: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${HEALTH_STYLES[health]} ${className}`}>
      {HEALTH_LABELS[health]}
    </span>
  );
}

export function SyncList({ syncs }: { syncs: SyncOverviewJson[] }) {
  if (syncs.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm text-gray-600">
        No syncs yet. Open a base and choose “+ Add or import” to set one up.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm sm:min-w-[30rem]">
        <caption className="sr-only">Syncs</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-xs text-gray-700 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Table</th>
            <th scope="col" className="px-3 py-2 font-medium max-sm:hidden">Base</th>
            <th scope="col" className="px-3 py-2 font-medium max-sm:hidden">Status</th>
            <th scope="col" className="px-3 py-2 font-medium max-sm:hidden">Updates</th>
            <th scope="col" className="px-3 py-2 font-medium">Last run</th>
          </tr>
        </thead>
        <tbody>
          {syncs.map((s) => (
            <tr key={s.id} className="border-b border-gray-100 last:border-0 align-top">
              {/* On a phone the base and the status stand under the table's name: the list fits without scrolling sideways. */}
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={syncHref(s)} className="text-blue-700 hover:underline">{s.table.name}</Link>
                <span className="block text-xs font-normal text-gray-600 sm:hidden">{s.base.name}</span>
                <HealthBadge health={s.health} className="mt-1 sm:hidden" />
              </th>
              <td className="px-3 py-2 max-sm:hidden">
                <Link href={`/bases/${s.base.id}`} className="text-gray-800 hover:underline">{s.base.name}</Link>
              </td>
              <td className="px-3 py-2 max-sm:hidden">
                <HealthBadge health={s.health} />
              </td>
              <td className="px-3 py-2 text-gray-800 max-sm:hidden">{s.updateMethod === null ? "—" : s.updateMethod === "auto" ? "Automatic" : "Manual"}</td>
              <td className="px-3 py-2 text-gray-800"><LastRun run={s.lastRun} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
