import "server-only";
import { deleteSyncEndpoint } from "../data/sync-endpoints";
import { deleteTable } from "../data/tables";
import type { SyncEndpointRef } from "./endpoints";
import { withTableLock } from "./engine/transaction";

// Deletes a sync endpoint and everything that hangs off it: its table (fields cascade, records go
// with the table's trigger), received payloads and runs (cascade). Under the table's lock, so a
// sync that is running finishes (or fails) first and none starts on a half-deleted table.
export async function deleteSync(sync: SyncEndpointRef): Promise<{ id: string; deleted: true }> {
  await withTableLock(sync.tableId, async (tx) => {
    await deleteTable(tx, { id: sync.tableId, baseId: sync.baseId });
    await deleteSyncEndpoint(tx, sync.id);
  });
  return { id: sync.id, deleted: true };
}
