"use client";
import { useRef, useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";

export function NewTokenView({ token, name }: { token: string; name: string }) {
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
      <LinkButton href="/tokens">Done</LinkButton>
    </section>
  );
}
