// Plain text; React escapes it, so a value is never markup.
export function TextCell({ text }: { text: string }) {
  return (
    <span className="block truncate" title={text}>
      {text}
    </span>
  );
}
