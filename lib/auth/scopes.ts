// Scopes and roles of the contract. No server imports: the token form uses these too.

export const SCOPES = ["data.records:read", "data.records:write", "schema.bases:read", "schema.bases:write"] as const;
export type Scope = (typeof SCOPES)[number];

export const SYNC_SCOPES: Scope[] = ["data.records:write", "schema.bases:write"];

export const ROLES = ["read", "commenter", "editor", "creator", "owner"] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: string, minimum: Role): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(minimum);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

// Airtable's name for what a role may do in a base (GET /v0/meta/bases): owners and creators
// `create`, editors `edit`, commenters `comment`, readers `read`.
export type PermissionLevel = "none" | "read" | "comment" | "edit" | "create";

const PERMISSION_LEVELS: Record<Role, PermissionLevel> = { owner: "create", creator: "create", editor: "edit", commenter: "comment", read: "read" };

export function permissionLevelOf(role: string): PermissionLevel {
  return isRole(role) ? PERMISSION_LEVELS[role] : "none";
}
