import { invalidCsv } from "../errors";

// Strict UTF-8: a byte sequence that is not valid UTF-8 is refused rather than replaced with "�".
// TextDecoder drops a leading BOM by default.
export function decodeCsvBody(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidCsv("The request body is not valid UTF-8.");
  }
}
