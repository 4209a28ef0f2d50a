import "server-only";
import { authorizeBase, SCHEMA_READ, type BaseNeed, type Principal } from "../auth/permissions";

// Reading a sync's status or a base's schema: `schema.bases:read`, or `schema.bases:write` (the
// wizard's cURL flow hands out the two write scopes only, and must still see its own sync).
const SCHEMA_WRITE_READS: BaseNeed = { scopes: ["schema.bases:write"], minRole: "read" };

export async function authorizeSchemaRead(principal: Principal, baseId: string): Promise<void> {
  const need = principal.scopes.includes("schema.bases:read") ? SCHEMA_READ : SCHEMA_WRITE_READS;
  await authorizeBase(principal, baseId, need);
}
