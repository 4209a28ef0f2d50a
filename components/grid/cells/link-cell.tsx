// A link only when the href is known to be safe (see lib/fields/links.ts); otherwise plain text.
export function LinkCell({ text, href, newTab = false, focusable = true }: { text: string; href: string | null; newTab?: boolean; focusable?: boolean }) {
  if (!href) {
    return (
      <span className="block truncate" title={text}>
        {text}
      </span>
    );
  }
  return (
    <a
      href={href}
      title={text}
      tabIndex={focusable ? undefined : -1}
      className="block truncate text-blue-700 underline decoration-blue-300 hover:decoration-blue-700"
      {...(newTab ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
    >
      {text}
    </a>
  );
}
