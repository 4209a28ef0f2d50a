import { webHref } from "../links";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

// With a scheme (`https://…`, `ftp://…`, `mailto:…`) anything without spaces goes; without one it
// must look like a host name with a top-level domain (`example.com/path`, `www.example.org`).
const WITH_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+|mailto:[^\s@]+@)[^\s]*$/i;
const BARE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#][^\s]*)?$/u;
// Suggestions are stricter: a bare `report.pdf` is a file name, not a link.
const LIKELY = /^(?:https?:\/\/|ftp:\/\/|www\.)/i;

const isUrl = (value: string) => WITH_SCHEME.test(value) || BARE.test(value);

// Kept exactly as written (trimmed); no scheme is added.
export const url: FieldTypeModule = {
  type: "url",
  label: "URL",
  coercionVersion: 1,
  defaultOptions: {},
  ...typeOptions(),
  formatChoices: {},
  apiOptions: () => undefined,
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 240,
  gridCell: { kind: "link", href: webHref, newTab: true },
  parse(text) {
    const value = text.trim();
    if (!value) return undefined;
    return isUrl(value) ? value : parseFailure("not a URL");
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
  matches(text) {
    const value = text.trim();
    return LIKELY.test(value) && isUrl(value);
  },
};
