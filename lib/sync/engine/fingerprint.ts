// A row's fingerprint: a 53-bit hash of the CSV texts its cells are coerced from, seeded with
// everything the coercion depends on (each field's slot, type, options, and its type's coercion
// version: FieldTypeModule.coercionVersion).
// Equal fingerprints mean equal cells, so a re-sync coerces and compares only the rows whose
// fingerprint changed (records.fingerprint; null for a row that had a problem, which is therefore
// coerced again every time and keeps being reported).
//
// The hash is cyrb53 (public domain, github.com/bryc/code): two 32-bit lanes, fast on short
// strings, good avalanche. Two different rows share a fingerprint with a chance of about 2^-53.
import { getFieldTypeModule } from "../../fields/registry";
import type { FieldOptions, FieldType } from "../../fields/types";

// The seed's format. It used to be one coercion version for every type; each type now has its
// own, written into the seed only once it is past 1, so the fingerprints stored before stay valid
// and bumping one type's version re-coerces only the tables that have a field of that type.
const SEED_FORMAT = 1;

function fieldSignature(field: { slot: number; type: FieldType; options: FieldOptions }): string {
  const version = getFieldTypeModule(field.type).coercionVersion;
  return `${field.slot}:${field.type}${version > 1 ? `@${version}` : ""}:${JSON.stringify(field.options)}`;
}

export type Seed = readonly [number, number];

const SEPARATOR = 0; // NUL: refused in CSV bodies (lib/csv/decode.ts), so it cannot occur in a text

function mix(h1: number, h2: number, text: string): [number, number] {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return [Math.imul(h1 ^ SEPARATOR, 2654435761), Math.imul(h2 ^ SEPARATOR, 1597334677)];
}

export function fingerprintSeed(fields: readonly { slot: number; type: FieldType; options: FieldOptions }[]): Seed {
  const signature = `${SEED_FORMAT}|${fields.map(fieldSignature).join("|")}`;
  return mix(0xdeadbeef, 0x41c6ce57, signature);
}

// The texts are `row[indexes[0]]`, `row[indexes[1]]`, …: the fields' columns in the order the
// seed was made with (a missing column counts as an empty text, like an empty cell).
export function fingerprintRow(seed: Seed, row: readonly string[], indexes: readonly number[]): number {
  let h1 = seed[0];
  let h2 = seed[1];
  for (let f = 0; f < indexes.length; f++) {
    const text = row[indexes[f]] ?? "";
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ SEPARATOR, 2654435761);
    h2 = Math.imul(h2 ^ SEPARATOR, 1597334677);
  }
  return finish(h1, h2);
}

// fingerprintRow of a plain CSV row (no quotes) read straight from the text between `start` and
// `end`, without splitting it into strings: the same number. `width`: the header's, as the row's
// cells are cut or padded to it.
export function fingerprintLine(seed: Seed, text: string, start: number, end: number, indexes: readonly number[], width: number): number {
  // Where each cell starts; cell c ends one before bounds[c + 1].
  const bounds = lineBounds;
  let count = 0;
  bounds[0] = start;
  for (let at = start; ; ) {
    const comma = text.indexOf(",", at);
    if (comma < 0 || comma >= end) break;
    bounds[++count] = comma + 1;
    at = comma + 1;
  }
  bounds[++count] = end + 1;
  let h1 = seed[0];
  let h2 = seed[1];
  for (let f = 0; f < indexes.length; f++) {
    const c = indexes[f];
    if (c < count && c < width) {
      for (let i = bounds[c], stop = bounds[c + 1] - 1; i < stop; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
    }
    h1 = Math.imul(h1 ^ SEPARATOR, 2654435761);
    h2 = Math.imul(h2 ^ SEPARATOR, 1597334677);
  }
  return finish(h1, h2);
}

const lineBounds: number[] = [];

// The two running hashes → one number below 2^53 (both fingerprint functions end here).
function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
