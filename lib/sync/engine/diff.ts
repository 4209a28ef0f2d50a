// The pure half of a re-sync's merge: which incoming rows need coercing and writing, and which live
// records did not come. No I/O; apply.ts reads the stored records and writes the result.
import type { RowFingerprint } from "./plan";

// What a merge needs to know of a stored record: its fingerprint (as text, null after a problem)
// and whether it is live or a tombstone.
export type StoredRecord = { fingerprint: string | null; live: boolean };

export type Diff = {
  recheck: Set<string>; // keys to coerce and write: new, returning from a tombstone, or maybe changed
  existing: Set<string>; // of those, the keys that have a record (live or tombstone)
  revived: number; // of those, the tombstones
  removed: string[]; // live records whose key did not come
};

// The incoming rows' fingerprints against the stored records (keys are unique on both sides).
export function diffRecords(incoming: RowFingerprint[], stored: Map<string, StoredRecord>): Diff {
  const diff: Diff = { recheck: new Set(), existing: new Set(), revived: 0, removed: [] };
  const seen = new Set<string>();
  for (const { key, fingerprint } of incoming) {
    seen.add(key);
    const record = stored.get(key);
    if (record?.live && record.fingerprint === String(fingerprint)) continue;
    diff.recheck.add(key);
    if (!record) continue;
    diff.existing.add(key);
    if (!record.live) diff.revived++;
  }
  for (const [key, record] of stored) if (record.live && !seen.has(key)) diff.removed.push(key);
  return diff;
}
