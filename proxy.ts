// Every page request (not /v0/: the API authenticates and checks origins itself, and a proxy
// would cap upload bodies): refuse state-changing requests that do not come from this site, and
// give each page a fresh CSP nonce.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/csrf";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function proxy(request: NextRequest) {
  // Server Actions are POSTs to page URLs; Next refuses a foreign Origin but lets a missing one
  // through. A browser always sends Origin (or Sec-Fetch-Site) with a POST; require one of ours.
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request, { trustedProxies: env.TRUST_PROXY, publicUrl: env.PUBLIC_URL })) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!v0/|v0$|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
