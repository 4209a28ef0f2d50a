import { mailtoHref } from "../links";
import { parseFailure, type FieldTypeModule, typeOptions } from "../types";

// something@domain.tld: no spaces, one @, a dotted domain whose last label has two letters or more.
const EMAIL = /^[^\s@"<>(),;:]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

// Kept as written (trimmed), not lower-cased.
export const email: FieldTypeModule = {
  type: "email",
  label: "Email",
  coercionVersion: 1,
  defaultOptions: {},
  ...typeOptions(),
  formatChoices: {},
  apiOptions: () => undefined,
  sortKind: "text",
  searchable: true,
  align: "left",
  gridWidth: 220,
  gridCell: { kind: "link", href: mailtoHref, newTab: false },
  parse(text) {
    const value = text.trim();
    if (!value) return undefined;
    return EMAIL.test(value) ? value : parseFailure("not an email address");
  },
  format: (value) => String(value),
  toCsv: (value) => String(value),
  matches: (text) => EMAIL.test(text.trim()),
};
