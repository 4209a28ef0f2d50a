import { invalidCsv } from "../errors";

// Strict UTF-8: a byte sequence that is not valid UTF-8 is refused rather than replaced with "�".
// TextDecoder drops a leading BOM by default. NUL characters are refused too: no CSV export
// carries them on purpose, and Postgres text cannot store them.
export function decodeCsvBody(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidCsv("The request body is not valid UTF-8.");
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    throw invalidCsv(`The request body contains a NUL character (byte 0) on line ${line}.`);
  }
  return text;
}
