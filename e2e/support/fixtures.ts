// Test data for API and browser tests: every call makes new, uniquely named users, bases and
// tokens through the same domain code as the admin CLI, so tests never share data.
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/accounts/users";
import { createBase, grantBaseRole } from "@/lib/accounts/bases";
import { createAccessToken } from "@/lib/auth/tokens";
import { SCOPES, SYNC_SCOPES } from "@/lib/auth/scopes";

export const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3000";
export const TEST_PASSWORD = "correct horse battery staple";

export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

export async function makeUser(name = "user") {
  const email = `${uniqueName(name)}@example.test`;
  const user = await createUser({ email, password: TEST_PASSWORD, name });
  return { ...user, password: TEST_PASSWORD };
}

export async function makeBase(ownerId: string, name = uniqueName("base")) {
  return createBase({ ownerId, name });
}

export async function makeToken(userId: string, options: { scopes?: string[]; baseIds?: string[] | null } = {}) {
  const created = await createAccessToken({
    userId,
    name: uniqueName("token"),
    scopes: options.scopes ?? [...SCOPES],
    baseIds: options.baseIds === undefined ? null : options.baseIds,
  });
  return created;
}

// A user, a base they own and a token with every scope on that base.
export async function makeOwnerSetup(options: { scopes?: string[] } = {}) {
  const user = await makeUser("owner");
  const base = await makeBase(user.id);
  const { token, record } = await makeToken(user.id, { scopes: options.scopes ?? [...SCOPES], baseIds: [base.id] });
  return { user, base, token, tokenId: record.id };
}

export { grantBaseRole, SYNC_SCOPES, SCOPES };

// Response bodies are asserted field by field in tests, so a loose type is the honest one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiJson = any;

export async function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${APP_URL}${path}`, { ...init, headers, body });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as ApiJson };
}
