import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

// The signed-in frame: a small top bar, then the page.
export function AppShell({ user, children }: { user: { email: string; name: string | null }; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-1 px-3 py-2 sm:px-6">
          <Link href="/" className="mr-1 text-base sm:mr-3 font-semibold tracking-tight text-gray-900">
            Tablesync
          </Link>
          <Link href="/" className="rounded-md px-2 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
            Bases
          </Link>
          <Link href="/syncs" className="rounded-md px-2 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
            Syncs
          </Link>
          <Link href="/tokens" aria-label="Personal access tokens" className="rounded-md px-2 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
            <span className="sm:hidden">Tokens</span>
            <span className="max-sm:hidden">Personal access tokens</span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <span className="hidden max-w-48 truncate text-sm text-gray-500 sm:inline" title={user.email}>
              {user.name ?? user.email}
            </span>
            <SignOutButton className="px-2 py-1.5" />
          </div>
        </nav>
      </header>
      {children}
    </div>
  );
}
