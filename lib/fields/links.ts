// Which cell values become links in the grid. No server imports. Anything that is not clearly
// safe stays plain text: only http(s) URLs open in a new tab, never javascript:, data:, etc.

// A URL cell: with an http or https scheme as written; a bare host name (`example.com/x`, which
// the URL type accepts) gets https://. Anything else (javascript:, ftp:, mailto:…) → null.
export function webHref(value: string): string | null {
  const text = value.trim();
  if (!text || /[\s<>"]/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) return null;
  // `localhost:3000`-style bare text parses as a scheme; require a dot in the host for bare values.
  if (!hasScheme && !/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?(?:[/?#]|$)/u.test(text)) return null;
  try {
    const url = new URL(hasScheme ? text : `https://${text}`);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@"<>(),;:?&#]+@[^\s@"<>(),;:?&#/]+\.[^\s@"<>(),;:?&#/]+$/;

export function mailtoHref(value: string): string | null {
  const text = value.trim();
  return EMAIL.test(text) ? `mailto:${text}` : null;
}

// tel: keeps the digits, a leading +, and the extension as `;ext=`.
export function telHref(value: string): string | null {
  const text = value.trim();
  const ext = /(?:x|ext\.?|extension|#)\s*(\d{1,6})$/i.exec(text);
  const main = ext ? text.slice(0, ext.index) : text;
  const digits = main.replace(/\D/g, "");
  if (digits.length < 3) return null;
  return `tel:${main.trimStart().startsWith("+") ? "+" : ""}${digits}${ext ? `;ext=${ext[1]}` : ""}`;
}
