import { randomBytes } from "node:crypto";

// Airtable-style identifiers: a three-letter prefix and 14 characters of [A-Za-z0-9].
export const ID_PREFIXES = {
  base: "app",
  table: "tbl",
  field: "fld",
  record: "rec",
  sync: "syn",
  run: "run",
  user: "usr",
  token: "pat",
  choice: "sel",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ID_BODY_LENGTH = 14;

export function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting the top bytes keeps every character equally likely
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function newId(kind: IdKind): string {
  return ID_PREFIXES[kind] + randomAlphanumeric(ID_BODY_LENGTH);
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}[A-Za-z0-9]{${ID_BODY_LENGTH}}$`).test(value);
}

// Many ids at once (a sync's records): one draw of random bytes instead of one per id.
export function newIds(kind: IdKind, count: number): string[] {
  const body = randomAlphanumeric(count * ID_BODY_LENGTH);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = ID_PREFIXES[kind] + body.slice(i * ID_BODY_LENGTH, (i + 1) * ID_BODY_LENGTH);
  return ids;
}
