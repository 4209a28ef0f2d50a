import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { createWithinQuota } from "../accounts/quota";
import { env } from "../env";
import { newId } from "../ids";

export type SyncEndpointRef = { id: string; baseId: string; tableId: string };

export const syncUrl = (origin: string, s: SyncEndpointRef) => `${origin}/v0/${s.baseId}/${s.tableId}/sync/${s.id}`;

// The table id is allocated now, so the URL (and the wizard's cURL) is final before the table exists.
export async function createSyncEndpoint(input: { baseId: string; name: string; createdById: string; origin: string }) {
  const sync = await createWithinQuota({
    lockKey: `syncs:${input.baseId}`,
    limit: env.MAX_SYNCS_PER_BASE,
    count: (tx) => tx.syncEndpoint.count({ where: { baseId: input.baseId } }),
    refusal: (limit) => `This base already has ${limit.toLocaleString("en-US")} syncs, the most this server allows (MAX_SYNCS_PER_BASE). Delete one, or ask the server's administrator to raise the limit.`,
    create: (tx) =>
      tx.syncEndpoint.create({
        data: { id: newId("sync"), baseId: input.baseId, tableId: newId("table"), name: input.name, createdById: input.createdById },
      }),
  });
  return { id: sync.id, tableId: sync.tableId, url: syncUrl(input.origin, sync), status: "waiting" as const };
}

export async function findSyncInBase(baseId: string, syncId: string): Promise<SyncEndpointRef> {
  const sync = await db.syncEndpoint.findFirst({ where: { id: syncId, baseId }, select: { id: true, baseId: true, tableId: true } });
  if (!sync) throw notFound(`No sync ${syncId} in this base.`);
  return sync;
}

// The Sync API URL names the table by id, or by its current name (case-insensitive). A sync's
// name follows its table's (configuring renames both); before the table exists, it stands in.
export async function findSyncForUrl(input: { baseId: string; tableIdOrName: string; syncId: string }): Promise<SyncEndpointRef> {
  const sync = await db.syncEndpoint.findFirst({
    where: { id: input.syncId, baseId: input.baseId },
    select: { id: true, baseId: true, tableId: true, name: true },
  });
  const matches = sync && (input.tableIdOrName === sync.tableId || input.tableIdOrName.toLowerCase() === sync.name.toLowerCase());
  if (!sync || !matches) throw notFound(`No sync ${input.syncId} for table ${input.tableIdOrName} in this base.`);
  return { id: sync.id, baseId: sync.baseId, tableId: sync.tableId };
}

export async function listSyncs(baseId: string, origin: string) {
  const syncs = await db.syncEndpoint.findMany({ where: { baseId }, orderBy: { createdAt: "asc" } });
  return syncs.map((s) => ({
    id: s.id,
    baseId: s.baseId,
    tableId: s.tableId,
    name: s.name,
    url: syncUrl(origin, s),
    status: s.status,
  }));
}
