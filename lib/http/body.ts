import { formatBytes } from "../csv/limits";
import { ApiError, invalidRequest } from "../errors";
import { hasLoneSurrogate } from "../text";

// Request bodies are read as streams with a hard cap: a body over the cap is refused as soon as
// it is known to be too big, so a 10 MB upload costs at most cap + one chunk of memory.

export const tooLarge = (maxBytes: number) =>
  new ApiError("REQUEST_TOO_LARGE", `The request body is larger than the limit of ${maxBytes.toLocaleString("en-US")} bytes (${formatBytes(maxBytes)}).`);

export async function readCappedBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  // The chunks go straight into one buffer, of the declared length when there is one: a 40 MB
  // body is held once, not as chunks and then joined. Without a length (chunked encoding) the
  // buffer doubles as it fills, up to the cap.
  const length = declared !== null && /^\d+$/.test(declared) ? Number(declared) : 0;
  let bytes = new Uint8Array(length);
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const next = total + value.byteLength;
    if (next > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    if (next > bytes.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(next, bytes.length * 2, 64 * 1024)));
      grown.set(bytes.subarray(0, total));
      bytes = grown;
    }
    bytes.set(value, total);
    total = next;
  }
  return total === bytes.length ? bytes : bytes.slice(0, total);
}

// `text/csv`, `Text/CSV; charset=utf-8` and the like; anything else is the contract's 415.
export function requireContentType(req: Request, mediaType: string): void {
  const given = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (given !== mediaType) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Send the body with \`Content-Type: ${mediaType}\`${given ? ` (got ${given})` : ""}.`);
  }
}

const MAX_JSON_BYTES = 1024 * 1024;

// JSON bodies of the management API: bad JSON is the contract's INVALID_REQUEST_UNKNOWN.
export async function readJsonBody(req: Request): Promise<unknown> {
  const bytes = await readCappedBody(req, MAX_JSON_BYTES);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") throw invalidRequest("body: send a JSON object");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidRequest("body: not valid JSON");
  }
  // JSON can spell half a surrogate pair ("\ud83d"); Postgres refuses it in jsonb, so it is refused here.
  if (holdsLoneSurrogate(json)) throw invalidRequest("body: a text holds half a surrogate pair (an escape like \\ud83d without its other half)");
  return json;
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value && typeof value === "object") return Object.entries(value).some(([key, v]) => hasLoneSurrogate(key) || holdsLoneSurrogate(v));
  return false;
}

// The origin clients should use: PUBLIC_URL when set, else the one the client called: `Host`, or
// a declared proxy's X-Forwarded-Host/-Proto (TRUST_PROXY). Without PUBLIC_URL this is only ever
// echoed back to the caller (the wizard's cURL, sync URLs in API answers), never stored or sent to
// anyone else; a Host that is not a plain host[:port] is not echoed at all. `req.url` alone names
// the address the server bound to, e.g. http://0.0.0.0:3000, which no client can call.
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function publicOrigin(req: Request, publicUrl: string | undefined, trustedProxies = 0): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const forwarded = trustedProxies > 0;
  const candidate = (forwarded ? first("x-forwarded-host") : undefined) ?? first("host") ?? url.host;
  const host = PLAIN_HOST.test(candidate) ? candidate : url.host;
  const claimed = forwarded ? first("x-forwarded-proto") : undefined;
  const proto = claimed === "https" || claimed === "http" ? claimed : url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
