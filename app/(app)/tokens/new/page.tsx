import Link from "next/link";
import { TokenForm } from "@/components/auth/token-form";
import { requireUser } from "@/lib/auth/current-user";
import { listBasesForUser } from "@/lib/accounts/bases";
import { parseTokenPrefill } from "@/lib/auth/scope-labels";
import { safeSetupPath } from "@/lib/sync-wizard/curl";

export const metadata = { title: "Create a token · Tablesync" };

type Search = { scopes?: string | string[]; bases?: string | string[]; name?: string | string[]; back?: string | string[] };

// `/tokens/new?scopes=data.records:write,schema.bases:write&bases=appXXX` opens with those preselected.
export default async function NewTokenPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const bases = (await listBasesForUser(user.id)).map((b) => ({ id: b.id, name: b.name }));
  const search = await searchParams;
  const defaults = parseTokenPrefill(search, bases.map((b) => b.id));
  // From the wizard's "Create a token →": offer the way back once the token exists.
  const back = safeSetupPath(typeof search.back === "string" ? search.back : null);
  return (
    <main className="mx-auto max-w-3xl px-3 py-6 sm:px-6">
      <p className="text-sm">
        <Link href="/tokens" className="text-blue-700 hover:underline">
          ← All tokens
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Create a personal access token</h1>
      <p className="mt-1 mb-6 text-sm text-gray-600">
        A token acts as you, limited to its scopes and bases. The Sync API needs <code>data.records:write</code> and{" "}
        <code>schema.bases:write</code>, and creator access to the base.
      </p>
      <TokenForm bases={bases} defaults={defaults} back={back} />
    </main>
  );
}
