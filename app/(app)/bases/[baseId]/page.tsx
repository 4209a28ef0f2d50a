import type { Metadata } from "next";
import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ShareBase } from "@/components/bases/share-base";
import { requireBaseMember } from "@/lib/auth/current-user";
import { getBaseTabs, listBaseMembers } from "@/lib/accounts/bases";
import { basePageMetadata } from "@/lib/accounts/page-title";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId);
}

// The base's own page: its tables (also the tabs above) and who it is shared with.
export default async function BasePage({ params }: { params: Promise<{ baseId: string }> }) {
  const { baseId } = await params;
  const { user, role } = await requireBaseMember(baseId);
  const [tabs, members] = await Promise.all([getBaseTabs(baseId), listBaseMembers(baseId)]);
  return (
    <main className="mx-auto grid max-w-6xl gap-4 px-3 py-6 sm:px-6 lg:grid-cols-[1fr_22rem]">
      <Card aria-labelledby="tables-heading">
        <h2 id="tables-heading" className="text-base font-semibold">
          Tables
        </h2>
        {tabs.length === 0 ? (
          <div className="mt-3 text-sm text-gray-600">
            <p>This base has no tables yet. Sync one from your own system: it POSTs CSV, Tablesync keeps the table in step.</p>
            <LinkButton href={`/bases/${baseId}/sync/new`} prefetch={false} className="mt-4">
              Set up a Sync API table
            </LinkButton>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100">
            {tabs.map((tab) => (
              <li key={tab.key} className="flex items-center justify-between gap-3 py-2">
                <Link href={tab.href} prefetch={false} className="truncate text-sm font-medium text-blue-700 hover:underline">
                  {tab.name}
                </Link>
                <span className="shrink-0 text-xs text-gray-500">{tab.settingUp ? "Setting up" : "Synced table"}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ShareBase baseId={baseId} currentUserId={user.id} isOwner={role === "owner"} members={members} />
    </main>
  );
}
