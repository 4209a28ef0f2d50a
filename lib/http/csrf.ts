import { requestHost } from "./client-address";

// CSRF defence for cookie-authenticated requests: the browser tells us where a request comes
// from (Sec-Fetch-Site, Origin); anything not from this origin is refused, and so is a request
// that says neither (browsers send Origin with every cross-site POST, and with same-origin ones
// too, so only a non-browser client omits both). `X-Forwarded-Host` counts only behind a proxy
// the operator declared (TRUST_PROXY); `PUBLIC_URL`'s origin is always ours.
export function isSameOrigin(req: Request, options: { trustedProxies?: number; publicUrl?: string } = {}): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (options.publicUrl && new URL(options.publicUrl).origin === parsed.origin) return true;
  return parsed.host === requestHost(req.headers, options.trustedProxies ?? 0);
}
