"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { TabMenu } from "./tab-menu";

export type BaseTab = { key: string; name: string; href: string; settingUp: boolean; syncId: string | null };

// One tab per table; a sync still being set up shows as "Name (setting up)" and opens the wizard.
// The current synced table's tab has its own drop-down; on a narrow screen it is scrolled into view.
export function BaseTabs({ baseId, tabs, canConfigure, canRun }: { baseId: string; tabs: BaseTab[]; canConfigure: boolean; canRun: boolean }) {
  const pathname = usePathname();
  const currentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  if (tabs.length === 0) return null;
  return (
    <nav aria-label="Tables" className="-mb-px flex min-w-0 overflow-x-auto">
      {tabs.map((tab) => {
        const current =
          pathname === tab.href ||
          pathname.startsWith(`${tab.href}/`) ||
          pathname.startsWith(`/bases/${baseId}/tables/${tab.key}`) ||
          (tab.syncId !== null && pathname.startsWith(`/bases/${baseId}/sync/${tab.syncId}`));
        return (
          <div key={tab.key} ref={current ? currentRef : undefined} className="flex shrink-0 items-center">
            <Link
              href={tab.href}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={`truncate border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
                current ? "border-blue-600 font-medium text-gray-900" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900"
              }`}
            >
              {tab.settingUp ? `${tab.name} (setting up)` : tab.name}
            </Link>
            {current && !tab.settingUp && tab.syncId && (
              <TabMenu baseId={baseId} tableName={tab.name} syncId={tab.syncId} canConfigure={canConfigure} canRun={canRun} />
            )}
          </div>
        );
      })}
    </nav>
  );
}
