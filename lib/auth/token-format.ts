import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { newId } from "../ids";
import { TOKEN_PATTERN } from "./token-shape";

// Only sha256(secret) is stored; the id finds the row, the hash proves the secret.

export type ParsedToken = { id: string; secret: string };

export function generateToken(): { id: string; secret: string; token: string; secretHash: string } {
  const id = newId("token");
  const secret = randomBytes(32).toString("hex");
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string): ParsedToken | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
