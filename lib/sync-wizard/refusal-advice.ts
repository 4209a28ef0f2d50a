// What a refused Sync API request means for the sender, in plain words (the wizard's Set up step).
// No server imports.
import type { RefusalJson } from "../sync-shapes/json";

const ADVICE: Record<string, string> = {
  UNSUPPORTED_MEDIA_TYPE: "Send the header `Content-Type: text/csv` (and no Content-Encoding, or gzip or br).",
  REQUEST_TOO_LARGE: "Send at most 2 MB (2,097,152 bytes) of CSV, also after decompression: split the data or drop columns.",
  INVALID_CSV: "Send a CSV whose first line is the header row, comma-separated and UTF-8. With curl, use --data-binary @file.csv.",
  RATE_LIMIT_REACHED: "Wait before the next request: the limit is per base, and the answer's Retry-After header says how long.",
  DELETION_SAFEGUARD: "The request would have deleted records; check the export, or add ?allowMassDeletion=true if that is meant.",
  INVALID_REQUEST_UNKNOWN: "Check the request's query parameters and headers.",
  RETRIABLE_ERROR: "Tablesync was busy: send the request again.",
};

const TITLES: Record<string, string> = {
  UNSUPPORTED_MEDIA_TYPE: "Wrong content type",
  REQUEST_TOO_LARGE: "Too large",
  INVALID_CSV: "Invalid CSV",
  RATE_LIMIT_REACHED: "Rate limited",
  DELETION_SAFEGUARD: "Refused by the deletion safeguard",
  INVALID_REQUEST_UNKNOWN: "Invalid request",
  RETRIABLE_ERROR: "Busy, try again",
};

export function describeRefusal(refusal: RefusalJson): { title: string; advice: string } {
  return {
    title: TITLES[refusal.type] ?? `Refused (${refusal.status})`,
    advice: ADVICE[refusal.type] ?? "Check the request against the cURL example above.",
  };
}
