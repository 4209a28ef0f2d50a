// The ready cURL request shown on the "Set up" step. No server imports.
// The reference article writes the token as `${PERSONAL ACCESS TOKEN}`; pasted into bash that is a
// "bad substitution". The command keeps that text visible, single-quoted in a line that sets
// TABLESYNC_TOKEN, and the request reads "$TABLESYNC_TOKEN": it runs as pasted, and with a real
// token in place of the placeholder it syncs.
export const TOKEN_PLACEHOLDER = "${PERSONAL ACCESS TOKEN}";
export const TOKEN_VARIABLE = "TABLESYNC_TOKEN";

export const EXAMPLE_CSV = ["SKU,Name,Price,Updated", "A-100,Widget,9.99,2025-03-14", "A-101,Gadget,24.50,2025-03-15"].join("\n");

// Single-quoted for a POSIX shell: the body may hold newlines, commas and double quotes as they are.
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

// A token as the page shows it: its public id, then dots (the secret stays out of screenshots).
export function maskToken(token: string): string {
  const dot = token.indexOf(".");
  return dot > 0 ? `${token.slice(0, dot)}.••••••••` : "••••••••";
}

export function buildCurlCommand(url: string, options: { body?: string; token?: string | null; masked?: boolean } = {}): string {
  const token = options.token ? (options.masked ? maskToken(options.token) : options.token) : TOKEN_PLACEHOLDER;
  return [
    `${TOKEN_VARIABLE}=${shellQuote(token)}`,
    `curl -X POST "${url}" \\`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}" \\`,
    `  -H "Content-Type: text/csv" \\`,
    `  --data-binary ${shellQuote(options.body ?? EXAMPLE_CSV)}`,
  ].join("\n");
}

// Token creation with the two scopes the Sync API needs and this base preselected; `back` is the
// wizard's address, offered as "Back to the setup" once the token exists.
export function createTokenHref(baseId: string, back?: string): string {
  const href = `/tokens/new?scopes=data.records:write,schema.bases:write&bases=${encodeURIComponent(baseId)}`;
  return back ? `${href}&back=${encodeURIComponent(back)}` : href;
}

// Only a path of this app's wizard is followed back (never another site).
export function safeSetupPath(back: string | null | undefined): string | null {
  if (!back) return null;
  return /^\/bases\/app[A-Za-z0-9]{14}\/sync\/[A-Za-z0-9]+(\?[\w=&-]*)?$/.test(back) ? back : null;
}

// The hand-back: "Back to the setup" leaves the new token for the wizard in this tab's
// sessionStorage; the Set up step takes it once (and forgets it) to fill in the cURL request.
export const HANDED_TOKEN_KEY = "tablesync-handed-token";
