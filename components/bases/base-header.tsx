import { ROLE_LABELS } from "@/lib/accounts/schemas";
import { roleAtLeast, type Role } from "@/lib/auth/scopes";
import { BaseTabs, type BaseTab } from "./base-tabs";
import { AddSourceButton } from "./add-source-button";

export function BaseHeader({ base, role, tabs }: { base: { id: string; name: string }; role: string; tabs: BaseTab[] }) {
  return (
    <div className="border-b border-gray-200 bg-white">
      <div className="mx-auto max-w-6xl px-3 pt-4 sm:px-6">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h1 className="truncate text-xl font-semibold text-gray-900">{base.name}</h1>
          <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs text-gray-600">{ROLE_LABELS[role as Role] ?? role}</span>
        </div>
        <div className="relative mt-3 flex items-end gap-1">
          <BaseTabs baseId={base.id} tabs={tabs} canConfigure={roleAtLeast(role, "creator")} canRun={roleAtLeast(role, "editor")} />
          <AddSourceButton baseId={base.id} compact={tabs.length > 3} />
        </div>
      </div>
    </div>
  );
}
