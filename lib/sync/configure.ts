import "server-only";
import { columnIndex, sameColumn } from "../csv/header";
import { readFields, readOwnFieldNames, replaceFields, type FieldRow } from "../data/fields";
import { clearWizardDraft, renameSync, writeSyncState } from "../data/sync-endpoints";
import { insertTable, readSlotsUsed, tableNameTaken, updateTable } from "../data/tables";
import { invalidRequest } from "../errors";
import { countsOf } from "../data/sync-runs";
import type { SyncConfig } from "../sync-shapes/config";
import type { RunCounts } from "../sync-shapes/json";
import type { SyncEndpointRef } from "./endpoints";
import { clearTableRecords } from "./engine/apply";
import { avoidOwnNames, cellsDependOnChange, planFields } from "./engine/field-plan";
import { runSync } from "./engine/run-sync";
import type { Tx } from "./engine/transaction";

// PUT …/syncs/{syncId}: the first configuration creates the table (with the id allocated at
// creation) and applies the latest payload; later ones update names, types, order, key and
// policies, re-applying the latest payload when what the cells hold depends on the change.
// Everything happens in one run (runSync): one transaction under the table's lock. A refused or
// failed configuration is the PUT's answer, not a run. A dry run does the same, rolls it back and
// answers what it would have done (ConfigurePreview).
export async function configureSync(input: { sync: SyncEndpointRef; config: SyncConfig; now?: Date; dryRun?: boolean }): Promise<ConfigurePreview | void> {
  const { sync, config, now, dryRun } = input;
  const preview: ConfigurePreview = { dryRun: true, reapplies: false, rebuild: false, liveRecords: 0, run: null };
  const run = await runSync({
    sync,
    trigger: "config",
    source: { kind: "latest" },
    now: now && (() => now),
    recordFailure: false,
    dryRun,
    admit: async (tx, state, payload) => {
      if (!state || !payload) {
        throw invalidRequest("sync: no CSV has been received yet; POST one to the sync URL before configuring it.");
      }
      for (const [i, field] of config.fields.entries()) {
        if (columnIndex(payload.header, field.column) < 0) {
          const message = `fields: column "${field.column}" is not in the latest CSV received (its columns: ${describeHeader(payload.header)}).`;
          throw invalidRequest(message, `fields.${i}.column`);
        }
      }
      if (await tableNameTaken(tx, { baseId: sync.baseId, tableId: sync.tableId, name: config.tableName })) {
        throw invalidRequest(`tableName: a table named "${config.tableName}" already exists in this base.`);
      }
      const previous = state.status === "active" ? state.config : null;
      if (dryRun) preview.liveRecords = await countLiveRecords(tx, sync.tableId);
      const existing = previous ? await readFields(tx, sync.tableId) : [];
      // Own fields stay (replaceFields touches synced fields only); a synced field named like one
      // is saved as "<Name> (synced)".
      const ownNames = previous ? await readOwnFieldNames(tx, sync.tableId) : [];
      const fields = planFields(config, existing, await readSlotsUsed(tx, sync.tableId)).map((f) => ({ ...f, name: avoidOwnNames(f.name, ownNames) }));
      await saveTable(tx, { sync, name: config.tableName, fields, primaryKey: config.primaryKey, exists: previous !== null });
      await writeSyncState(tx, sync.id, { status: "active", config });
      await renameSync(tx, sync.id, config.tableName);
      await clearWizardDraft(tx, sync.id);

      if (previous && !cellsDependOnChange(previous, config)) return null;
      preview.reapplies = true;
      // Records keyed by another column cannot be matched any more: rebuild from the payload.
      preview.rebuild = previous !== null && !sameColumn(previous.primaryKey, config.primaryKey);
      if (preview.rebuild) await clearTableRecords(tx, sync.tableId);
      return { state: { ...state, status: "active", config }, config, trigger: previous ? "config" : "setup" };
    },
  });
  if (!dryRun) return;
  if (run) {
    const problemsByColumn: Record<string, number> = {};
    for (const p of run.problems) problemsByColumn[p.column] = (problemsByColumn[p.column] ?? 0) + 1;
    preview.run = { ...countsOf(run), problemsByColumn };
  }
  return preview;
}

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

async function countLiveRecords(tx: Tx, tableId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE table_id = $1 AND deleted_at IS NULL`, [tableId]);
  return rows[0].n;
}

const describeHeader = (header: string[]) =>
  header.length > 10 ? `${header.slice(0, 10).join(", ")} and ${header.length - 10} more` : header.join(", ");

async function saveTable(tx: Tx, input: { sync: SyncEndpointRef; name: string; fields: FieldRow[]; primaryKey: string; exists: boolean }) {
  const { sync, fields } = input;
  if (!input.exists) await insertTable(tx, { id: sync.tableId, baseId: sync.baseId, name: input.name });
  await replaceFields(tx, sync.tableId, fields);
  const primary = fields.find((f) => sameColumn(f.column, input.primaryKey));
  await updateTable(tx, { id: sync.tableId, name: input.name, primaryFieldId: primary?.id ?? null });
}
