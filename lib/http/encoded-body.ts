import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { ApiError, invalidCsv } from "../errors";
import { readCappedBody, tooLarge } from "./body";

// Sync bodies may come compressed (`Content-Encoding: gzip` or `br`). The limit holds twice: for
// the bytes as sent and for the bytes they inflate to. Both are counted while the body streams
// through the decompressor, so a small body that would inflate to a gigabyte is stopped at
// limit + 1 byte of output, and memory never holds more than the limit plus one chunk.

const DECODERS = {
  gzip: () => zlib.createGunzip(),
  "x-gzip": () => zlib.createGunzip(),
  br: () => zlib.createBrotliDecompress(),
} as const;

type Encoding = keyof typeof DECODERS | "identity";

// The request's Content-Encoding, or the contract's 415 for one we do not read.
export function requestEncoding(req: Request): Encoding {
  const given = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (given === "" || given === "identity") return "identity";
  if (given in DECODERS) return given as Encoding;
  throw new ApiError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Content-Encoding "${given.slice(0, 100)}" is not supported: send the CSV uncompressed, or with \`Content-Encoding: gzip\` or \`br\`.`,
  );
}

export async function readEncodedBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const encoding = requestEncoding(req);
  if (encoding === "identity") return readCappedBody(req, maxBytes);
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);

  let sent = 0;
  let inflated = 0;
  const chunks: Buffer[] = [];
  const source = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);
  async function* capSent(input: AsyncIterable<Buffer>) {
    for await (const chunk of input) {
      sent += chunk.byteLength;
      if (sent > maxBytes) throw tooLarge(maxBytes);
      yield chunk;
    }
  }
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      inflated += chunk.byteLength;
      if (inflated > maxBytes) return done(decompressedTooLarge(maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline(source, capSent, DECODERS[encoding](), sink);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw invalidCsv(`The body is not valid ${encoding === "br" ? "Brotli" : "gzip"} data (${describeZlibError(err)}), as its Content-Encoding says.`);
  }
  return Buffer.concat(chunks, inflated);
}

const decompressedTooLarge = (maxBytes: number) =>
  new ApiError("REQUEST_TOO_LARGE", `The decompressed body is larger than the limit of ${maxBytes.toLocaleString("en-US")} bytes.`);

function describeZlibError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === "Z_BUF_ERROR" || /unexpected end/i.test(e?.message ?? "")) return "it ends before the compressed stream does";
  return "it cannot be decompressed";
}
