// New, uniquely named users, bases and tokens through the same domain code as the admin CLI: for
// the benchmarks, the load script and the tests (e2e/support/fixtures.ts hands these on).
// lib/'s server modules load lazily, inside the helpers: a process without the react-server
// condition (Playwright's loader) can import this file and still call them from its workers.
import { randomBytes } from "node:crypto";
import { SCOPES } from "../../lib/auth/scopes";

const accounts = () => import("../../lib/accounts/users");
const bases = () => import("../../lib/accounts/bases");
const tokens = () => import("../../lib/auth/tokens");

export const TEST_PASSWORD = "correct horse battery staple";

export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

export async function makeUser(name = "user") {
  const email = `${uniqueName(name)}@example.test`;
  const user = await (await accounts()).createUser({ email, password: TEST_PASSWORD, name });
  return { ...user, password: TEST_PASSWORD };
}

export async function makeBase(ownerId: string, name = uniqueName("base")) {
  return (await bases()).createBase({ ownerId, name });
}

export async function makeToken(userId: string, options: { scopes?: string[]; baseIds?: string[] | null } = {}) {
  return (await tokens()).createAccessToken({
    userId,
    name: uniqueName("token"),
    scopes: options.scopes ?? [...SCOPES],
    baseIds: options.baseIds === undefined ? null : options.baseIds,
  });
}

// A user, a base they own and a token with every scope on that base.
export async function makeOwnerSetup(options: { scopes?: string[] } = {}) {
  const user = await makeUser("owner");
  const base = await makeBase(user.id);
  const { token, record } = await makeToken(user.id, { scopes: options.scopes ?? [...SCOPES], baseIds: [base.id] });
  return { user, base, token, tokenId: record.id };
}

export async function grantBaseRole(input: { baseId: string; userId: string; role: string }) {
  return (await bases()).grantBaseRole(input);
}
