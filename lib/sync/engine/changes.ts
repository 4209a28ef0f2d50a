import "server-only";
import { env } from "../../env";
import type { Tx } from "./transaction";

// A run's change list (sync_run_changes + sync_run_updates, see the schema): written in the run's
// own transaction, kept for the sync's latest SYNC_CHANGE_LIST_RUNS applied runs.

// Whether runs keep change lists at all (SYNC_CHANGE_LIST_RUNS=0 turns them off, and undo with them).
export const keepsChangeLists = () => env.SYNC_CHANGE_LIST_RUNS > 0;

// The keys an applied run touched. `revived`: tombstones that came back (counted as created).
export type ChangedKeys = { created: string[]; revived: string[]; updated: string[]; deleted: string[] };

export async function saveRunChanges(
  tx: Tx,
  input: { runId: string; syncId: string; changes: ChangedKeys; addedFieldIds: string[] },
): Promise<void> {
  if (!keepsChangeLists()) return;
  const keep = env.SYNC_CHANGE_LIST_RUNS - 1;
  // The runs whose lists go: all but the newest `keep` others (this run's updates are already in).
  await tx.query(
    `WITH dropped AS (
       DELETE FROM sync_run_changes WHERE sync_id = $1 AND run_id NOT IN (
         SELECT run_id FROM sync_run_changes WHERE sync_id = $1 ORDER BY created_at DESC, run_id DESC LIMIT $3)
       RETURNING run_id)
     DELETE FROM sync_run_updates WHERE sync_id = $1 AND run_id <> $2 AND run_id IN (SELECT run_id FROM dropped)`,
    [input.syncId, input.runId, keep],
  );
  const { created, deleted } = input.changes;
  await tx.query(
    `INSERT INTO sync_run_changes (run_id, sync_id, created_at, created_keys, deleted_keys, added_field_ids)
     VALUES ($1, $2, clock_timestamp(), $3::text[], $4::text[], $5::text[])`,
    [input.runId, input.syncId, created, deleted, input.addedFieldIds],
  );
}
