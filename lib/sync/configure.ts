import "server-only";
import { columnIndex } from "../csv/header";
import { parseCsv } from "../csv/parse";
import { invalidRequest } from "../errors";
import { newId } from "../ids";
import { clearTableRecords } from "./engine/apply";
import type { SyncConfig } from "../sync-shapes/config";
import type { SyncEndpointRef } from "./endpoints";
import { applyPayload } from "./engine/apply-payload";
import { countsOf, type RunCounts } from "./engine/runs";
import { cellsDependOnChange, planFields, sameColumn, type FieldRow } from "./engine/field-plan";
import { readFields, readLatestPayload, readSlotsUsed, readSync, replaceFields, writeSyncState, type StoredPayload } from "./engine/store";
import { withTableLock, type Tx } from "./engine/transaction";

// What a configuration change does (PUT …?dryRun=true): whether it re-applies the latest CSV,
// whether it rebuilds the table (a new primary key: every record gets a new id), and the counts
// of the run it would make, with the cells that would not parse per column.
export type ConfigurePreview = {
  dryRun: true;
  reapplies: boolean;
  rebuild: boolean;
  liveRecords: number;
  run: (RunCounts & { problemsByColumn: Record<string, number> }) | null;
};

// PUT …/syncs/{syncId}: the first configuration creates the table (with the id allocated at
// creation) and applies the latest payload; later ones update names, types, order, key and
// policies, re-applying the latest payload when what the cells hold depends on the change.
// Everything happens in one transaction under the table's lock. A dry run does the same and
// rolls it back, answering what it would have done.
export async function configureSync(input: { sync: SyncEndpointRef; config: SyncConfig; now?: Date; dryRun?: boolean }): Promise<ConfigurePreview | void> {
  const { sync, config } = input;
  const startedAt = new Date();
  return withTableLock(sync.tableId, async (tx, lockWaitMs): Promise<ConfigurePreview | void> => {
    const state = await readSync(tx, sync.id);
    const payload = await readLatestPayload(tx, sync.id);
    if (!state || !payload) {
      throw invalidRequest("sync: no CSV has been received yet; POST one to the sync URL before configuring it.");
    }
    for (const field of config.fields) {
      if (columnIndex(payload.header, field.column) < 0) {
        throw invalidRequest(`fields: column "${field.column}" is not in the latest CSV received (its columns: ${describeHeader(payload.header)}).`);
      }
    }
    await checkTableName(tx, { baseId: sync.baseId, tableId: sync.tableId, name: config.tableName });

    const previous = state.status === "active" ? state.config : null;
    const liveRecords = input.dryRun ? await countLiveRecords(tx, sync.tableId) : 0;
    const existing = previous ? await readFields(tx, sync.tableId) : [];
    const fields = planFields(config, existing, await readSlotsUsed(tx, sync.tableId));
    await saveTable(tx, { sync, name: config.tableName, fields, primaryKey: config.primaryKey, exists: previous !== null });
    await writeSyncState(tx, sync.id, { status: "active", config });
    await tx.query(`UPDATE sync_endpoints SET name = $2 WHERE id = $1`, [sync.id, config.tableName]);

    const rebuild = previous !== null && !sameColumn(previous.primaryKey, config.primaryKey);
    if (previous && !cellsDependOnChange(previous, config)) {
      return input.dryRun ? { dryRun: true, reapplies: false, rebuild: false, liveRecords, run: null } : undefined;
    }
    // Records keyed by another column cannot be matched any more: rebuild from the payload.
    if (rebuild) await clearTableRecords(tx, sync.tableId);
    const run = await reapply(tx, { state: { ...state, status: "active", config }, config, payload, previous, startedAt, lockWaitMs, now: input.now });
    if (!input.dryRun) return;
    const problemsByColumn: Record<string, number> = {};
    for (const p of run.problems) problemsByColumn[p.column] = (problemsByColumn[p.column] ?? 0) + 1;
    return { dryRun: true, reapplies: true, rebuild, liveRecords, run: { ...countsOf(run), problemsByColumn } };
  }, { rollback: input.dryRun });
}

async function countLiveRecords(tx: Tx, tableId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE table_id = $1 AND deleted_at IS NULL`, [tableId]);
  return rows[0].n;
}

async function reapply(
  tx: Tx,
  input: {
    state: Parameters<typeof applyPayload>[1]["sync"];
    config: SyncConfig;
    payload: StoredPayload;
    previous: SyncConfig | null;
    startedAt: Date;
    lockWaitMs: number;
    now?: Date;
  },
) {
  const parseStart = performance.now();
  const parsed = parseCsv(input.payload.body);
  const parseMs = Math.round((performance.now() - parseStart) * 10) / 10;
  return applyPayload(tx, {
    sync: input.state,
    config: input.config,
    payload: { id: input.payload.id, ...parsed },
    trigger: input.previous ? "config" : "setup",
    runId: newId("run"),
    startedAt: input.startedAt,
    now: input.now ?? new Date(),
    timings: { parseMs, lockWaitMs: input.lockWaitMs },
  });
}

const describeHeader = (header: string[]) =>
  header.length > 10 ? `${header.slice(0, 10).join(", ")} and ${header.length - 10} more` : header.join(", ");

async function checkTableName(tx: Tx, input: { baseId: string; tableId: string; name: string }) {
  const { rows } = await tx.query(`SELECT 1 FROM tables WHERE base_id = $1 AND lower(name) = lower($2) AND id <> $3`, [
    input.baseId,
    input.name,
    input.tableId,
  ]);
  if (rows.length > 0) throw invalidRequest(`tableName: a table named "${input.name}" already exists in this base.`);
}

async function saveTable(tx: Tx, input: { sync: SyncEndpointRef; name: string; fields: FieldRow[]; primaryKey: string; exists: boolean }) {
  const { sync, fields } = input;
  if (!input.exists) {
    await tx.query(`INSERT INTO tables (id, base_id, name) VALUES ($1, $2, $3)`, [sync.tableId, sync.baseId, input.name]);
  }
  await replaceFields(tx, sync.tableId, fields);
  const primary = fields.find((f) => sameColumn(f.column, input.primaryKey));
  await tx.query(`UPDATE tables SET name = $2, primary_field_id = $3 WHERE id = $1`, [sync.tableId, input.name, primary?.id ?? null]);
}
