// The limits of one sync request: Airtable's figures. No server imports; the wizard shows them.
export const MAX_COLUMNS = 500;
export const MAX_ROWS = 10_000;
// Longest field (and table) name, in characters. A CSV column becomes a field named after it, so
// the header is held to it too.
export const MAX_NAME_LENGTH = 255;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
// Longest primary-key value, in characters. Keys are indexed, and Postgres refuses an index entry
// over ~2,700 bytes: 500 characters stay under that in any script (at most 3 UTF-8 bytes each, or
// 4 for a pair). A longer key is skipped and reported like an empty one.
export const MAX_KEY_LENGTH = 500;
