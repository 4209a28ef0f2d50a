// Who is asking, as far as the server can know it: the TCP peer (scripts/serve.mjs writes it into
// `x-tablesync-peer`, overwriting anything a client sent), or, behind reverse proxies that the
// operator declares with TRUST_PROXY, the right-most address in `X-Forwarded-For` that none of
// those proxies added. Everything to the left of that is whatever the client claimed. Pure.

export const PEER_HEADER = "x-tablesync-peer";

// TRUST_PROXY: "false" / "0" (default, no proxy), "true" (one proxy), or the number of proxies.
export function parseTrustProxy(raw: string | undefined): number {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new Error(`TRUST_PROXY must be true, false or a number of proxies, got "${raw}"`);
}

export function clientAddress(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // `next dev` has no peer header; there, the last hop Next itself or a client wrote.
  const peer = headers.get(PEER_HEADER)?.trim() || forwarded.at(-1) || "unknown";
  if (trustedProxies === 0) return peer;
  // The chain as the nearest proxy saw it: client claims…, each trusted proxy's peer…, our peer.
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

// The host the browser addressed: `Host`, or the nearest trusted proxy's `X-Forwarded-Host`.
export function requestHost(headers: Headers, trustedProxies: number): string | null {
  const forwardedHost = trustedProxies > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwardedHost || headers.get("host");
}
