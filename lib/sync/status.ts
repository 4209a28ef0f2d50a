import "server-only";
import { db, getPool } from "../db";
import { notFound } from "../errors";
import { suggestFieldTypes } from "../fields/suggest";
import type { SyncConfig } from "../sync-shapes/config";
import { syncUrl } from "./endpoints";
import type { SyncStatusJson } from "../sync-shapes/json";
import { toRunJson } from "./engine/runs";
import { sampleCsvRows } from "./sample";

export type SyncStatus = SyncStatusJson;

const SAMPLE_ROWS = 20;
// Suggestions look further than the sample shown, so one odd value early on does not decide a type.
const SUGGESTION_ROWS = 200;
// The wizard polls this twice a second: read only the head of a payload (up to 2 MB), enough for
// the sample rows, not the whole body each time.
const HEAD_CHARS = 256 * 1024;

type PayloadHead = { id: string; received_at: Date; header: string[]; row_count: number; head: string; truncated: boolean };

async function latestPayloadHead(syncId: string): Promise<PayloadHead | null> {
  const { rows } = await getPool().query<PayloadHead>(
    `SELECT id, received_at, header, row_count, left(body, $2) AS head, length(body) > $2 AS truncated
       FROM sync_payloads WHERE sync_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1`,
    [syncId, HEAD_CHARS],
  );
  return rows[0] ?? null;
}

export async function getSyncStatus(syncId: string, origin: string): Promise<SyncStatus> {
  const sync = await db.syncEndpoint.findUnique({ where: { id: syncId } });
  if (!sync) throw notFound(`No sync ${syncId}.`);
  const [payload, lastRun, lastApplied] = await Promise.all([
    latestPayloadHead(syncId),
    db.syncRun.findFirst({ where: { syncId }, orderBy: [{ startedAt: "desc" }, { finishedAt: "desc" }] }),
    db.syncRun.findFirst({ where: { syncId, status: "applied" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);
  const rows = payload ? sampleCsvRows(payload.head, payload.header.length, SUGGESTION_ROWS) : [];
  // A cut-off head may end inside a row: that row is not part of the sample.
  if (payload?.truncated && rows.length > 0 && rows.length < SUGGESTION_ROWS) rows.pop();
  return {
    id: sync.id,
    baseId: sync.baseId,
    tableId: sync.tableId,
    name: sync.name,
    url: syncUrl(origin, sync),
    status: sync.status as SyncStatus["status"],
    config: (sync.config as SyncConfig | null) ?? null,
    latestPayload: payload && {
      id: payload.id,
      receivedAt: payload.received_at.toISOString(),
      header: payload.header,
      rowCount: payload.row_count,
      sampleRows: rows.slice(0, SAMPLE_ROWS),
    },
    suggestedFields: payload ? suggestFieldTypes(payload.header, rows) : null,
    lastRun: lastRun ? toRunJson(lastRun) : null,
    lastAppliedAt: lastApplied?.finishedAt?.toISOString() ?? null,
    recentRefusals: (sync.recentRefusals as SyncStatus["recentRefusals"] | null) ?? [],
  };
}
