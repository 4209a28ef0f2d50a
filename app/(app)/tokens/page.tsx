import { LinkButton } from "@/components/ui/button";
import { TokenList } from "@/components/auth/token-list";
import { requireUser } from "@/lib/auth/current-user";
import { listBasesForUser } from "@/lib/accounts/bases";
import { listAccessTokens } from "@/lib/auth/tokens";

export const metadata = { title: "Personal access tokens · Tablesync" };

export default async function TokensPage() {
  const user = await requireUser();
  const [tokens, bases] = await Promise.all([listAccessTokens(user.id), listBasesForUser(user.id)]);
  const baseNames = Object.fromEntries(bases.map((b) => [b.id, b.name]));
  return (
    <main className="mx-auto max-w-4xl px-3 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Personal access tokens</h1>
        <LinkButton href="/tokens/new">Create a token</LinkButton>
      </div>
      <p className="mt-1 mb-6 text-sm text-gray-600">
        Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It is shown once, when you create it.
      </p>
      <TokenList
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          scopes: t.scopes,
          bases: t.allBases ? null : t.baseIds.map((id) => baseNames[id] ?? id),
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
          expiresAt: t.expiresAt?.toISOString() ?? null,
        }))}
      />
    </main>
  );
}
