// /syncs: every sync the signed-in user can see, across bases, with its health and latest run.
import { SyncList } from "@/components/syncs/sync-list";
import { requireUser } from "@/lib/auth/current-user";
import { listSyncOverviews } from "@/lib/sync/overview";

export const metadata = { title: "Syncs · Tablesync" };

export default async function SyncsPage() {
  const user = await requireUser();
  const syncs = await listSyncOverviews({ userId: user.id, baseIds: null });
  return (
    <main className="mx-auto max-w-6xl px-3 py-6 sm:px-6">
      <h1 className="text-2xl font-semibold">Syncs</h1>
      <p className="mt-1 mb-6 text-sm text-gray-600">Every sync in your bases, with how its latest run went.</p>
      <SyncList syncs={syncs} />
    </main>
  );
}
