// The ready cURL request shown on the "Set up" step. No server imports.
export const TOKEN_PLACEHOLDER = "${PERSONAL ACCESS TOKEN}";

export const EXAMPLE_CSV = ["SKU,Name,Price,Updated", "A-100,Widget,9.99,2025-03-14", "A-101,Gadget,24.50,2025-03-15"].join("\n");

// Single-quoted for a POSIX shell: the body may hold newlines, commas and double quotes as they are.
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function buildCurlCommand(url: string, body: string = EXAMPLE_CSV): string {
  return [
    `curl -X POST "${url}" \\`,
    `  -H "Authorization: Bearer ${TOKEN_PLACEHOLDER}" \\`,
    `  -H "Content-Type: text/csv" \\`,
    `  --data-binary ${shellQuote(body)}`,
  ].join("\n");
}

// Token creation with the two scopes the Sync API needs, and this base, preselected.
export function createTokenHref(baseId: string): string {
  return `/tokens/new?scopes=data.records:write,schema.bases:write&bases=${encodeURIComponent(baseId)}`;
}
