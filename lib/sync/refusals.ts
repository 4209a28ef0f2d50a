import "server-only";
import { getPool } from "../db";
import type { RefusalJson } from "../sync-shapes/json";

// The latest refused requests of a sync, kept on the sync row (newest first, at most
// KEEP_REFUSALS): the Set up step shows them while it waits for a first good request. Requests
// refused before the sync is known (401, 403, 404) cannot be tied to it.
const KEEP_REFUSALS = 5;

export async function recordRefusal(syncId: string, refusal: RefusalJson): Promise<void> {
  await getPool()
    .query(
      `UPDATE sync_endpoints SET recent_refusals = (
         SELECT coalesce(jsonb_agg(e.x ORDER BY e.i), '[]'::jsonb)
           FROM jsonb_array_elements(jsonb_build_array($2::jsonb) || recent_refusals) WITH ORDINALITY AS e(x, i) WHERE e.i <= $3)
        WHERE id = $1`,
      [syncId, JSON.stringify(refusal), KEEP_REFUSALS],
    )
    .catch((err: Error) => console.error(`could not record a refusal: ${err.message}`));
}
