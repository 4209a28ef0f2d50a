import "server-only";
import { db } from "../db";
import type { SyncConfig } from "../sync-shapes/config";
import type { Queryable } from "./tx";

// The `sync_endpoints` table. A sync's state is read and written with raw SQL on its table-locked
// transaction's connection (Prisma cannot join that transaction); everything outside a run is
// plain CRUD with Prisma (here and in lib/sync/endpoints.ts).

export type SyncStatusValue = "waiting" | "received" | "active";

export type SyncState = {
  id: string;
  baseId: string;
  tableId: string;
  name: string;
  status: SyncStatusValue;
  config: SyncConfig | null;
};

export async function readSync(q: Queryable, syncId: string): Promise<SyncState | null> {
  const { rows } = await q.query(
    `SELECT id, base_id AS "baseId", table_id AS "tableId", name, status, config FROM sync_endpoints WHERE id = $1`,
    [syncId],
  );
  return (rows[0] as SyncState | undefined) ?? null;
}

export async function writeSyncState(q: Queryable, syncId: string, state: { status: SyncStatusValue; config: SyncConfig | null }) {
  await q.query(`UPDATE sync_endpoints SET status = $2, config = $3::jsonb, updated_at = now() WHERE id = $1`, [
    syncId,
    state.status,
    state.config === null ? null : JSON.stringify(state.config),
  ]);
}

export async function writeSyncConfig(q: Queryable, syncId: string, config: SyncConfig) {
  await q.query(`UPDATE sync_endpoints SET config = $2::jsonb, updated_at = now() WHERE id = $1`, [syncId, JSON.stringify(config)]);
}

// A sync's name follows its table's.
export async function renameSync(q: Queryable, syncId: string, name: string) {
  await q.query(`UPDATE sync_endpoints SET name = $2 WHERE id = $1`, [syncId, name]);
}

// Payloads and runs cascade. On the deleting transaction's connection, under the table's lock.
export async function deleteSyncEndpoint(q: Queryable, syncId: string) {
  await q.query(`DELETE FROM sync_endpoints WHERE id = $1`, [syncId]);
}

// Outside a run, with Prisma.
export const findSyncEndpoint = (syncId: string) => db.syncEndpoint.findUnique({ where: { id: syncId } });

export const findSyncOfTable = (tableId: string) =>
  db.syncEndpoint.findUnique({ where: { tableId }, select: { id: true, config: true } });
