// Where to go after signing in: only a path on this site, judged the way a browser will read it.
// Browsers drop tabs and newlines from URLs and treat `\` as `/`, so `/\t/evil.test` and
// `/\evil.test` are `//evil.test`, another site. No server imports: a pure rule.

// Any origin stands in for ours: a relative path resolves against it or leaves it.
const HOME = "http://tablesync.invalid";

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  // C0 controls, DEL and backslashes have no place in a path we hand out; browsers rewrite them.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, HOME);
  } catch {
    return "/";
  }
  if (url.origin !== HOME) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
