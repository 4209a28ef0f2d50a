import "server-only";
import type { SyncEndpointRef } from "./endpoints";
import { withTableLock } from "./engine/transaction";

// Deletes a sync endpoint and everything that hangs off it: its table (fields cascade, records go
// with the table's trigger), received payloads and runs (cascade). Under the table's lock, so a
// sync that is running finishes (or fails) first and none starts on a half-deleted table.
export async function deleteSync(sync: SyncEndpointRef): Promise<{ id: string; deleted: true }> {
  await withTableLock(sync.tableId, async (tx) => {
    await tx.query(`DELETE FROM tables WHERE id = $1 AND base_id = $2`, [sync.tableId, sync.baseId]);
    await tx.query(`DELETE FROM sync_endpoints WHERE id = $1`, [sync.id]);
  });
  return { id: sync.id, deleted: true };
}
