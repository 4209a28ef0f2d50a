"use client";
import { useState, useTransition } from "react";
import { revokeTokenAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";

export type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  bases: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

export function TokenList({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm text-gray-600">
        You have no tokens yet.
      </p>
    );
  }
  return (
    <ul aria-label="Tokens" className="space-y-3">
      {tokens.map((t) => (
        <TokenItem key={t.id} token={t} />
      ))}
    </ul>
  );
}

function TokenItem({ token }: { token: TokenRow }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const revoked = token.revokedAt !== null;

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeTokenAction(token.id);
      if (!result.ok) setError(result.error);
      setConfirming(false);
    });

  return (
    <li aria-label={token.name} className={`rounded-lg border bg-white p-4 shadow-sm ${revoked ? "border-gray-200 opacity-70" : "border-gray-200"}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium text-gray-900">{token.name}</p>
          <p className="font-mono text-xs text-gray-500">{token.id}</p>
        </div>
        {revoked ? (
          <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-600">Revoked</span>
        ) : confirming ? (
          <span className="flex gap-2">
            <Button variant="danger" className="px-2 py-1 text-xs" disabled={pending} onClick={revoke}>
              Yes, revoke
            </Button>
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        ) : (
          <Button variant="danger" className="px-2 py-1 text-xs" aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        )}
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-gray-500">Scopes</dt>
          <dd className="mt-0.5 flex flex-wrap gap-1">
            {token.scopes.map((s) => (
              <span key={s} className="rounded bg-blue-50 px-1.5 py-0.5 font-mono text-xs text-blue-800">
                {s}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-gray-500">Bases</dt>
          <dd className="mt-0.5 text-gray-800">{token.bases === null ? "All my bases" : token.bases.join(", ")}</dd>
        </div>
        <div>
          <dt className="text-xs text-gray-500">Created</dt>
          <dd className="mt-0.5 text-gray-800">
            <LocalTime iso={token.createdAt} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-gray-500">Last used</dt>
          <dd className="mt-0.5 text-gray-800">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "Never"}</dd>
        </div>
        {token.revokedAt ? (
          <div>
            <dt className="text-xs text-gray-500">Revoked on</dt>
            <dd className="mt-0.5 text-gray-800">
              <LocalTime iso={token.revokedAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-2">
        <FormError message={error} />
      </div>
    </li>
  );
}
