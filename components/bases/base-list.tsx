import Link from "next/link";
import { ROLE_LABELS } from "@/lib/accounts/schemas";
import type { Role } from "@/lib/auth/scopes";
import { countOf } from "@/lib/text";

type BaseSummary = { id: string; name: string; role: string; tables: { id: string; name: string }[] };

export function BaseList({ bases }: { bases: BaseSummary[] }) {
  if (bases.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm text-gray-600">
        You have no bases yet. Create one to set up your first sync.
      </p>
    );
  }
  return (
    <ul aria-label="Your bases" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {bases.map((base) => (
        <li key={base.id}>
          <Link
            href={`/bases/${base.id}`}
            className="block h-full rounded-lg border border-gray-200 bg-white p-4 shadow-sm transition hover:border-blue-400 hover:shadow"
          >
            <span className="block truncate font-medium text-gray-900">{base.name}</span>
            <span className="mt-1 block text-sm text-gray-500">
              {ROLE_LABELS[base.role as Role] ?? base.role} · {countOf(base.tables.length, "table")}
            </span>
            {base.tables.length > 0 ? (
              <span className="mt-2 block truncate text-xs text-gray-500">{base.tables.map((t) => t.name).join(" · ")}</span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
