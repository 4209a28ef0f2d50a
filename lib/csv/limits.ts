// The limits of one sync request. Airtable's figures are the defaults; a self-hoster may raise the
// first three with SYNC_MAX_BODY_BYTES, SYNC_MAX_ROWS and SYNC_MAX_COLUMNS (read in lib/env.ts,
// served as `syncLimits`). No server imports: the wizard gets the configured figures as props.
export type SyncLimits = { maxBodyBytes: number; maxRows: number; maxColumns: number };

export const AIRTABLE_LIMITS: SyncLimits = { maxBodyBytes: 2 * 1024 * 1024, maxRows: 10_000, maxColumns: 500 };

// Longest field (and table) name, in characters. A CSV column becomes a field named after it, so
// the header is held to it too.
export const MAX_NAME_LENGTH = 255;
// Longest primary-key value, in characters. Keys are indexed, and Postgres refuses an index entry
// over ~2,700 bytes: 500 characters stay under that in any script (at most 3 UTF-8 bytes each, or
// 4 for a pair). A longer key is skipped and reported like an empty one.
export const MAX_KEY_LENGTH = 500;

// 2 MB, 40 MB, 1.5 MB, 900 KB: binary units, as the limits are written (2 × 1024 × 1024 bytes).
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, "GB"],
    [1024 * 1024, "MB"],
    [1024, "KB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1)).toLocaleString("en-US")} ${unit}`;
  }
  return `${bytes} bytes`;
}
