"use client";
// "Set up": the ready cURL request for this sync endpoint, a link to create a token with the right
// scopes (which hands the new token back here), and the live "Waiting to receive API request…" indicator.
import { useEffect, useState } from "react";
import { buildCurlCommand, createTokenHref, HANDED_TOKEN_KEY, TOKEN_PLACEHOLDER } from "@/lib/sync-wizard/curl";
import { TOKEN_PATTERN } from "@/lib/auth/token-shape";
import { describeRefusal } from "@/lib/sync-wizard/refusal-advice";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";
import { CopyButton } from "../copy-button";
import { inputClass } from "../wizard-frame";

function takeHandedToken(): string | null {
  try {
    const token = sessionStorage.getItem(HANDED_TOKEN_KEY);
    sessionStorage.removeItem(HANDED_TOKEN_KEY);
    return token;
  } catch {
    return null;
  }
}

export function SetupStep({ baseId, status }: { baseId: string; status: SyncStatusJson | null }) {
  const [token, setToken] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  useEffect(() => {
    const handed = takeHandedToken();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable in the browser
    if (handed) setToken(handed);
  }, []);
  const pastedValid = TOKEN_PATTERN.test(pasted.trim());
  const curl = status ? buildCurlCommand(status.url, { token }) : null;
  const shown = status ? buildCurlCommand(status.url, { token, masked: true }) : null;
  const back = status ? `/bases/${baseId}/sync/${status.id}?step=setup` : undefined;
  const received = Boolean(status?.latestPayload);
  return (
    <div>
      <h3 className="text-base font-semibold">Set up</h3>
      <p className="mt-2 text-sm text-gray-700">
        Send your CSV to this sync endpoint with the request below. Replace <code>{TOKEN_PLACEHOLDER}</code> with a personal
        access token that has the <code>data.records:write</code> and <code>schema.bases:write</code> scopes on this base, and
        the example body with your data (the first row names the fields).
      </p>
      <p className="mt-2 text-sm">
        <a href={createTokenHref(baseId, back)} className="font-medium text-blue-700 hover:underline">
          Create a token →
        </a>
      </p>
      {token ? (
        <p role="status" className="mt-2 text-sm text-green-700">
          ✓ Your new token is in the request below (masked here; Copy copies it whole). It is not stored anywhere.
        </p>
      ) : (
        <div className="mt-3 flex max-w-xl flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="setup-token" className="block text-xs font-medium text-gray-700">
              Or paste a token to put it in the request
            </label>
            <input
              id="setup-token"
              type="password"
              autoComplete="off"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              className={`${inputClass} mt-1 font-mono`}
              placeholder="pat….…"
            />
          </div>
          <button
            type="button"
            disabled={!pastedValid}
            onClick={() => setToken(pasted.trim())}
            className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-100 disabled:cursor-not-allowed disabled:text-gray-500"
          >
            Insert token
          </button>
        </div>
      )}
      <div className="mt-4 rounded-md border border-gray-200 bg-gray-50">
        <div className="flex items-center justify-between border-b border-gray-200 px-3 py-2">
          <span className="text-xs font-semibold uppercase tracking-wide text-gray-600">cURL request</span>
          {curl && <CopyButton text={curl} />}
        </div>
        <pre aria-label="cURL request" tabIndex={0} className="overflow-x-auto p-3 text-xs leading-relaxed">
          <code>{shown ?? "Loading…"}</code>
        </pre>
      </div>
      <p role="status" className="mt-4 flex items-center gap-2 text-sm font-medium">
        {received ? (
          <span className="text-green-700">✓ API request received</span>
        ) : (
          <>
            <span aria-hidden className="inline-block h-3 w-3 motion-safe:animate-spin rounded-full border-2 border-gray-300 border-t-blue-600" />
            <span className="text-gray-700">Waiting to receive API request…</span>
          </>
        )}
      </p>
      <Refusals status={status} />
      {received && status?.latestPayload && (
        <p className="mt-1 text-sm text-gray-600">
          {status.latestPayload.header.length.toLocaleString("en-US")} columns, {status.latestPayload.rowCount.toLocaleString("en-US")} rows.
        </p>
      )}
    </div>
  );
}

// Requests this sync refused since the latest one it took, with what to change; and what the
// refusals that cannot be tied to this sync (bad token, no access) look like to the sender.
function Refusals({ status }: { status: SyncStatusJson | null }) {
  const since = status?.latestPayload ? Date.parse(status.latestPayload.receivedAt) : 0;
  const refusals = (status?.recentRefusals ?? []).filter((r) => Date.parse(r.at) > since);
  return (
    <div className="mt-3 text-sm">
      {refusals.length > 0 && (
        <ul aria-label="Refused requests" className="space-y-2">
          {refusals.map((r) => {
            const { title, advice } = describeRefusal(r);
            return (
              <li key={`${r.at}:${r.status}`} className="rounded border border-red-200 bg-red-50 p-2">
                <p className="font-medium text-red-800">
                  <time dateTime={r.at} suppressHydrationWarning>
                    {new Date(r.at).toLocaleTimeString("en")}
                  </time>{" "}
                  · {r.status} · {title}
                </p>
                <p className="mt-0.5 text-gray-800">{r.message}</p>
                <p className="mt-0.5 text-gray-700">{advice}</p>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-2 text-xs text-gray-500">
        A request with a wrong or revoked token answers 401, and one whose token lacks the scopes or this base answers 403:
        those never reach this sync, so they show only on the sender&apos;s side.
      </p>
    </div>
  );
}
