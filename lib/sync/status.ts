import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { suggestFieldTypes } from "../fields/suggest";
import type { SyncConfig } from "./config";
import { syncUrl } from "./endpoints";
import type { SyncStatusJson } from "./json";
import { toRunJson } from "./runs";
import { sampleCsvRows } from "./sample";

export type SyncStatus = SyncStatusJson;

const SAMPLE_ROWS = 20;
// Suggestions look further than the sample shown, so one odd value early on does not decide a type.
const SUGGESTION_ROWS = 200;

export async function getSyncStatus(syncId: string, origin: string): Promise<SyncStatus> {
  const sync = await db.syncEndpoint.findUnique({ where: { id: syncId } });
  if (!sync) throw notFound(`No sync ${syncId}.`);
  const [payload, lastRun, lastApplied] = await Promise.all([
    db.syncPayload.findFirst({ where: { syncId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
    db.syncRun.findFirst({ where: { syncId }, orderBy: [{ startedAt: "desc" }, { finishedAt: "desc" }] }),
    db.syncRun.findFirst({ where: { syncId, status: "applied" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);
  const rows = payload ? sampleCsvRows(payload.body, payload.header.length, SUGGESTION_ROWS) : [];
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
      receivedAt: payload.receivedAt.toISOString(),
      header: payload.header,
      rowCount: payload.rowCount,
      sampleRows: rows.slice(0, SAMPLE_ROWS),
    },
    suggestedFields: payload ? suggestFieldTypes(payload.header, rows) : null,
    lastRun: lastRun ? toRunJson(lastRun) : null,
    lastAppliedAt: lastApplied?.finishedAt?.toISOString() ?? null,
  };
}
