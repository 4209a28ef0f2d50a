"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { HANDED_TOKEN_KEY } from "@/lib/sync-wizard/curl";

// `back`: the wizard that sent the user here. "Back to the setup" hands the token to it through
// this tab's sessionStorage (never the URL, which ends up in the history and in server logs).
export function NewTokenView({ token, name, back = null }: { token: string; name: string; back?: string | null }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
    } catch {
      // Clipboard API refused (no permission, plain HTTP): fall back to the selection.
      inputRef.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };

  return (
    <section aria-labelledby="new-token-heading" className="space-y-4">
      <h2 id="new-token-heading" className="text-lg font-semibold">
        Token “{name}” created
      </h2>
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Copy your token now. For your security it will not be shown again.
      </p>
      <div>
        <label htmlFor="new-token" className="block text-sm font-medium text-gray-800">
          Your new token
        </label>
        <div className="mt-1 flex gap-2">
          <input
            ref={inputRef}
            id="new-token"
            readOnly
            value={token}
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full min-w-0 rounded-md border border-gray-300 bg-gray-50 px-3 py-2 font-mono text-xs sm:text-sm"
          />
          <Button variant="secondary" onClick={copy} className="shrink-0">
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      {back ? (
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={() => {
              try {
                sessionStorage.setItem(HANDED_TOKEN_KEY, token);
              } catch {
                // Storage refused: the user pastes the token on the Set up step instead.
              }
              router.push(back);
            }}
          >
            Back to the setup
          </Button>
          <LinkButton href="/tokens" variant="secondary">
            Done
          </LinkButton>
        </div>
      ) : (
        <LinkButton href="/tokens">Done</LinkButton>
      )}
    </section>
  );
}
