import "server-only";
import { findSyncEndpoint } from "../data/sync-endpoints";
import { readLatestPayloadHead } from "../data/sync-payloads";
import { readLastAppliedAt, readLastRun } from "../data/sync-runs";
import { notFound } from "../errors";
import { suggestFieldTypes } from "../fields/suggest";
import type { SyncConfig } from "../sync-shapes/config";
import { syncUrl } from "./endpoints";
import type { SyncStatusJson } from "../sync-shapes/json";
import { readRunProgress } from "./engine/progress";
import { sampleCsvRows } from "./sample";

export type SyncStatus = SyncStatusJson;

const SAMPLE_ROWS = 20;
// Suggestions look further than the sample shown, so one odd value early on does not decide a type.
const SUGGESTION_ROWS = 200;
// The wizard polls this twice a second: read only the head of a payload (up to 2 MB), enough for
// the sample rows, not the whole body each time.
const HEAD_CHARS = 256 * 1024;

export async function getSyncStatus(syncId: string, origin: string): Promise<SyncStatus> {
  const sync = await findSyncEndpoint(syncId);
  if (!sync) throw notFound(`No sync ${syncId}.`);
  const [payload, lastRun, lastAppliedAt, progress] = await Promise.all([
    readLatestPayloadHead(syncId, HEAD_CHARS),
    readLastRun(syncId),
    readLastAppliedAt(syncId),
    readRunProgress(syncId),
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
    draft: sync.draft ?? null,
    latestPayload: payload && {
      id: payload.id,
      receivedAt: payload.receivedAt.toISOString(),
      header: payload.header,
      rowCount: payload.rowCount,
      sampleRows: rows.slice(0, SAMPLE_ROWS),
    },
    suggestedFields: payload ? suggestFieldTypes(payload.header, rows) : null,
    lastRun,
    lastAppliedAt,
    progress,
    recentRefusals: (sync.recentRefusals as SyncStatus["recentRefusals"] | null) ?? [],
  };
}
