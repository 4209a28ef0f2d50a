// The browser-facing security headers, in one place: next.config.ts sends the fixed ones with
// every answer (API included), proxy.ts adds the per-request CSP to pages. Pure, no imports.

export const FIXED_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

// Scripts only with this response's nonce (Next puts it on its own scripts) or loaded by them
// ('strict-dynamic'); no framing, no plugins, no foreign form targets. Styles allow inline
// attributes: the grid positions rows with `style`, and a style cannot run code.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
