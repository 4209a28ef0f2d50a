import "server-only";
import { db } from "../db";
import { forbidden } from "../errors";
import { isId } from "../ids";
import { roleAtLeast, type Role, type Scope } from "./scopes";
import type { TokenPrincipal } from "./tokens";
import type { SessionPrincipal } from "./sessions";

export type Principal = TokenPrincipal | SessionPrincipal;

export type BaseNeed = { scopes: Scope[]; minRole: Role };

// Syncing and configuring a sync: both write scopes, creator or above.
export const SYNC_WRITE: BaseNeed = { scopes: ["data.records:write", "schema.bases:write"], minRole: "creator" };
// "Sync now" is also allowed to editors.
export const SYNC_RUN: BaseNeed = { scopes: ["data.records:write", "schema.bases:write"], minRole: "editor" };
export const SCHEMA_READ: BaseNeed = { scopes: ["schema.bases:read"], minRole: "read" };
export const RECORDS_READ: BaseNeed = { scopes: ["data.records:read"], minRole: "read" };

// A user's role in a base, null when not a member. Read on every check, never cached.
export async function getBaseRole(baseId: string, userId: string): Promise<string | null> {
  const member = await db.baseMember.findUnique({ where: { baseId_userId: { baseId, userId } } });
  return member?.role ?? null;
}

export function requireScopes(principal: Principal, scopes: Scope[]): void {
  if (!scopes.every((s) => principal.scopes.includes(s))) throw forbidden();
}

// The one check every base-scoped API route makes: the token's scopes, the bases granted to the
// token, and the user's role in the base (read from the database on every request, so a removed
// member loses access at once). Every failure is the same 403, so a token cannot learn which
// bases exist.
export async function authorizeBase(principal: Principal, baseId: string, need: BaseNeed): Promise<Role> {
  requireScopes(principal, need.scopes);
  if (!isId("base", baseId)) throw forbidden();
  if (!principal.allBases && !principal.baseIds.includes(baseId)) throw forbidden();
  const role = await getBaseRole(baseId, principal.userId);
  if (!role || !roleAtLeast(role, need.minRole)) throw forbidden();
  return role as Role;
}
