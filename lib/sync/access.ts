import "server-only";
import { authorizeBase, SCHEMA_READ, SYNC_WRITE, type BaseNeed, type Principal } from "../auth/permissions";
import { roleAtLeast, type Role } from "../auth/scopes";
import type { SyncViewer } from "./redact";

// Reading a sync's status or a base's schema: `schema.bases:read`, or `schema.bases:write` (the
// wizard's cURL flow hands out the two write scopes only, and must still see its own sync).
const SCHEMA_WRITE_READS: BaseNeed = { scopes: ["schema.bases:write"], minRole: "read" };

export async function authorizeSchemaRead(principal: Principal, baseId: string): Promise<Role> {
  const need = principal.scopes.includes("schema.bases:read") ? SCHEMA_READ : SCHEMA_WRITE_READS;
  return authorizeBase(principal, baseId, need);
}

// What of a sync's received data this principal may see (lib/sync/redact.ts).
export function syncViewer(principal: Principal, role: Role): SyncViewer {
  return {
    readsRecords: principal.scopes.includes("data.records:read"),
    configures: roleAtLeast(role, SYNC_WRITE.minRole) && SYNC_WRITE.scopes.every((s) => principal.scopes.includes(s)),
  };
}
