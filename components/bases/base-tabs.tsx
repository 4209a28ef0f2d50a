"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type BaseTab = { key: string; name: string; href: string; settingUp: boolean };

// One tab per table; a sync still being set up shows as "Name (setting up)" and opens the wizard.
export function BaseTabs({ baseId, tabs }: { baseId: string; tabs: BaseTab[] }) {
  const pathname = usePathname();
  if (tabs.length === 0) return null;
  return (
    <nav aria-label="Tables" className="-mb-px flex min-w-0 overflow-x-auto">
      {tabs.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`) || pathname.startsWith(`/bases/${baseId}/tables/${tab.key}`);
        return (
          <Link
            key={tab.key}
            href={tab.href}
            prefetch={false}
            aria-current={current ? "page" : undefined}
            className={`shrink-0 truncate border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
              current ? "border-blue-600 font-medium text-gray-900" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900"
            }`}
          >
            {tab.settingUp ? `${tab.name} (setting up)` : tab.name}
          </Link>
        );
      })}
    </nav>
  );
}
