import "server-only";
import { db } from "../db";
import { ApiError, invalidRequest } from "../errors";
import { isScope, type Scope } from "./scopes";
import { generateToken, parseToken, secretMatches } from "./token-format";

export type TokenPrincipal = {
  kind: "token";
  userId: string;
  tokenId: string;
  scopes: Scope[];
  allBases: boolean;
  baseIds: string[];
};

export async function createAccessToken(input: {
  userId: string;
  name: string;
  scopes: string[];
  baseIds?: string[] | null;
  expiresAt?: Date | null;
}) {
  const name = input.name.trim();
  if (!name) throw invalidRequest("name: a token needs a name");
  if (name.length > 100) throw invalidRequest("name: at most 100 characters");
  const unknown = input.scopes.filter((s) => !isScope(s));
  if (unknown.length) throw invalidRequest(`scopes: unknown scope ${unknown.join(", ")}`);
  if (input.scopes.length === 0) throw invalidRequest("scopes: choose at least one scope");
  const baseIds = input.baseIds ? [...new Set(input.baseIds)] : null;
  if (baseIds) {
    if (baseIds.length === 0) throw invalidRequest("bases: choose at least one base, or all bases");
    const owned = await db.baseMember.findMany({ where: { userId: input.userId, baseId: { in: baseIds } } });
    const missing = baseIds.filter((id) => !owned.some((m) => m.baseId === id));
    if (missing.length) throw invalidRequest(`bases: you have no access to ${missing.join(", ")}`);
  }
  const generated = generateToken();
  const row = await db.accessToken.create({
    data: {
      id: generated.id,
      userId: input.userId,
      name,
      secretHash: generated.secretHash,
      scopes: [...new Set(input.scopes)],
      allBases: baseIds === null,
      baseIds: baseIds ?? [],
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { token: generated.token, record: row };
}

export async function revokeAccessToken(input: { tokenId: string; userId?: string }) {
  const result = await db.accessToken.updateMany({
    where: { id: input.tokenId, revokedAt: null, ...(input.userId ? { userId: input.userId } : {}) },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw invalidRequest(`id: no active token ${input.tokenId}`);
}

export async function listAccessTokens(userId: string) {
  return db.accessToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}

const unauthenticated = (message: string) => new ApiError("AUTHENTICATION_REQUIRED", message);

// Compared against when the token id is unknown, so a miss costs the same as a wrong secret.
const DUMMY_SECRET_HASH = "0".repeat(64);
const MAX_HEADER_LENGTH = 512;

// Resolves an `Authorization` header to the token's principal, or throws the contract's 401.
// Messages never repeat the header's value: it may be a secret.
export async function authenticateBearer(header: string | null, now = new Date()): Promise<TokenPrincipal> {
  if (!header) throw unauthenticated("Authentication required. Send `Authorization: Bearer <personal access token>`.");
  const match = header.length <= MAX_HEADER_LENGTH ? /^Bearer +(\S+) *$/i.exec(header.trim()) : null;
  if (!match) throw unauthenticated("Malformed Authorization header. Use `Authorization: Bearer <personal access token>`.");
  const value = match[1];
  if (/^key[A-Za-z0-9]/.test(value)) {
    throw unauthenticated(
      "API keys are not accepted. Personal access tokens are required: create one on the Personal access tokens page and send it as `Authorization: Bearer <token>`.",
    );
  }
  const parsed = parseToken(value);
  if (!parsed) throw unauthenticated("Invalid personal access token.");
  const row = await db.accessToken.findUnique({ where: { id: parsed.id }, omit: { secretHash: false } });
  const matches = secretMatches(parsed.secret, row?.secretHash ?? DUMMY_SECRET_HASH);
  if (!row || !matches) throw unauthenticated("Invalid personal access token.");
  if (row.revokedAt) throw unauthenticated("This personal access token has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw unauthenticated("This personal access token has expired.");
  // Record use at most once a minute, so a burst of requests does not turn into a burst of writes.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    userId: row.userId,
    tokenId: row.id,
    scopes: row.scopes.filter(isScope),
    allBases: row.allBases,
    baseIds: row.baseIds,
  };
}
