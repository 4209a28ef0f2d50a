import "server-only";
import { db, getPool } from "../db";
import { invalidRequest, notFound } from "../errors";
import type { RunChangeJson, RunChangesJson } from "../sync-shapes/json";

// GET …/runs/{runId}/changes: a run's change list, paged: the keys it created (revived tombstones
// among them, marked), the records it updated with each changed field's old and new value, and
// the keys it deleted, in that order. `search` keeps the keys that contain it (any case); `kind`
// keeps one kind.

export const MAX_PAGE_SIZE = 1000;
const KINDS = ["created", "updated", "deleted"] as const;

export async function listRunChanges(input: {
  syncId: string;
  runId: string;
  offset?: string | null;
  pageSize?: string | null;
  search?: string | null;
  kind?: string | null;
}): Promise<RunChangesJson> {
  const run = await db.syncRun.findFirst({ where: { id: input.runId, syncId: input.syncId }, select: { id: true } });
  if (!run) throw notFound(`No run ${input.runId} of this sync.`);
  const offset = integer("offset", input.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const pageSize = integer("pageSize", input.pageSize, 100, 1, MAX_PAGE_SIZE);
  if (input.kind && !(KINDS as readonly string[]).includes(input.kind)) throw invalidRequest(`kind: one of ${KINDS.join(", ")}`);
  const pool = getPool();
  const head = await pool.query<{ undoneBy: string | null; tableId: string }>(
    `SELECT c.undone_by AS "undoneBy", s.table_id AS "tableId" FROM sync_run_changes c JOIN sync_endpoints s ON s.id = c.sync_id WHERE c.run_id = $1`,
    [run.id],
  );
  if (head.rows.length === 0) return { runId: run.id, kept: false, undoneBy: null, total: 0, changes: [] };
  const { rows } = await pool.query<{ kind: string; key: string; recordId: string | null; revived: boolean; before: string | null; after: string | null; total: number }>(
    `WITH all_changes AS (
       SELECT 1 AS g, k.ord, 'created' AS kind, k.key, NULL::text AS "recordId", false AS revived, NULL::text AS before, NULL::text AS after
         FROM sync_run_changes c, unnest(c.created_keys) WITH ORDINALITY AS k(key, ord) WHERE c.run_id = $1
       UNION ALL
       SELECT CASE WHEN revived THEN 1 ELSE 2 END, 0, CASE WHEN revived THEN 'created' ELSE 'updated' END, key, record_id, revived, before_cells, after_cells
         FROM sync_run_updates WHERE run_id = $1
       UNION ALL
       SELECT 3, k.ord, 'deleted', k.key, NULL, false, NULL, NULL
         FROM sync_run_changes c, unnest(c.deleted_keys) WITH ORDINALITY AS k(key, ord) WHERE c.run_id = $1),
     matching AS (
       SELECT * FROM all_changes
        WHERE ($2::text IS NULL OR strpos(lower(key), lower($2)) > 0) AND ($3::text IS NULL OR kind = $3)),
     page AS (SELECT * FROM matching ORDER BY g, ord, key OFFSET $4 LIMIT $5)
     SELECT (SELECT count(*)::int FROM matching) AS total, page.kind, page.key, page."recordId", page.revived, page.before, page.after
       FROM (SELECT 1) AS one LEFT JOIN page ON true ORDER BY page.g, page.ord, page.key`,
    [run.id, input.search || null, input.kind || null, offset, pageSize],
  );
  const names = await fieldNames(head.rows[0].tableId);
  const total = rows[0]?.total ?? 0;
  const changes = rows.filter((r) => r.key !== null).map((r) => toChange(r, names));
  const next = offset + changes.length;
  return { runId: run.id, kept: true, undoneBy: head.rows[0].undoneBy, total, changes, ...(next < total ? { offset: String(next) } : {}) };
}

function toChange(
  row: { kind: string; key: string; recordId: string | null; revived: boolean; before: string | null; after: string | null },
  names: Map<string, { id: string; name: string }>,
): RunChangeJson {
  if (row.kind !== "updated" && !row.revived) return { kind: row.kind as RunChangeJson["kind"], key: row.key };
  const before = JSON.parse(row.before ?? "{}") as Record<string, unknown>;
  const after = JSON.parse(row.after ?? "{}") as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((slot) => JSON.stringify(before[slot]) !== JSON.stringify(after[slot]))
    .map((slot) => ({
      fieldId: names.get(slot)?.id ?? null,
      field: names.get(slot)?.name ?? `(removed field ${slot})`,
      old: before[slot] ?? null,
      new: after[slot] ?? null,
    }));
  return { kind: row.kind as RunChangeJson["kind"], key: row.key, recordId: row.recordId ?? undefined, ...(row.revived ? { revived: true } : {}), fields };
}

async function fieldNames(tableId: string) {
  const fields = await db.field.findMany({ where: { tableId }, select: { id: true, name: true, slot: true } });
  return new Map(fields.map((f) => [String(f.slot), { id: f.id, name: f.name }]));
}

function integer(name: string, value: string | null | undefined, fallback: number, min: number, max: number): number {
  if (value === null || value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidRequest(`${name}: a whole number from ${min} to ${max}`);
  return n;
}
