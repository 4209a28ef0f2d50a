import "server-only";
import { getPool } from "../db";
import { syncHealth, type SyncOverviewJson } from "../sync-shapes/overview";
import type { RunStatus, RunTrigger } from "../sync-shapes/json";

type Row = {
  id: string;
  base_id: string;
  base_name: string;
  table_id: string;
  table_name: string;
  status: "waiting" | "received" | "active";
  update_method: string | null;
  run_id: string | null;
  run_status: RunStatus | null;
  run_trigger: RunTrigger | null;
  started_at: Date | null;
  finished_at: Date | null;
  created: number | null;
  updated: number | null;
  deleted: number | null;
  problem_count: number | null;
  error: string | null;
};

// Every sync a user can see (any role), across bases, with its latest run: one statement, so the
// page and the API stay cheap with many syncs. `baseIds` narrows it to a token's granted bases.
export async function listSyncOverviews(input: { userId: string; baseIds: string[] | null }): Promise<SyncOverviewJson[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT s.id, s.base_id, b.name AS base_name, s.table_id, COALESCE(t.name, s.name) AS table_name, s.status,
            s.config->>'updateMethod' AS update_method,
            r.id AS run_id, r.status AS run_status, r.trigger AS run_trigger, r.started_at, r.finished_at,
            r.created, r.updated, r.deleted, r.problem_count, r.error
       FROM sync_endpoints s
       JOIN base_members m ON m.base_id = s.base_id AND m.user_id = $1
       JOIN bases b ON b.id = s.base_id
       LEFT JOIN tables t ON t.id = s.table_id
       LEFT JOIN LATERAL (
         SELECT id, status, trigger, started_at, finished_at, created, updated, deleted, problem_count, error
           FROM sync_runs WHERE sync_id = s.id
          ORDER BY started_at DESC, finished_at DESC NULLS LAST LIMIT 1
       ) r ON true
      WHERE $2::text[] IS NULL OR s.base_id = ANY($2::text[])
      ORDER BY lower(b.name), b.id, lower(COALESCE(t.name, s.name)), s.id`,
    [input.userId, input.baseIds],
  );
  return rows.map(toOverview);
}

function toOverview(row: Row): SyncOverviewJson {
  return {
    id: row.id,
    base: { id: row.base_id, name: row.base_name },
    table: { id: row.table_id, name: row.table_name },
    health: syncHealth({ setupStatus: row.status, lastRunStatus: row.run_status }),
    setupStatus: row.status,
    updateMethod: row.status === "active" ? (row.update_method === "manual" ? "manual" : "auto") : null,
    lastRun: row.run_id
      ? {
          id: row.run_id,
          status: row.run_status!,
          trigger: row.run_trigger!,
          startedAt: row.started_at!.toISOString(),
          finishedAt: row.finished_at?.toISOString() ?? null,
          created: row.created ?? 0,
          updated: row.updated ?? 0,
          deleted: row.deleted ?? 0,
          problemCount: row.problem_count ?? 0,
          error: row.error,
        }
      : null,
  };
}
