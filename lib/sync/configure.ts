import "server-only";
import { columnIndex, sameColumn } from "../csv/header";
import { readFields, replaceFields, type FieldRow } from "../data/fields";
import { clearWizardDraft, renameSync, writeSyncState } from "../data/sync-endpoints";
import { insertTable, readSlotsUsed, tableNameTaken, updateTable } from "../data/tables";
import { invalidRequest } from "../errors";
import type { SyncConfig } from "../sync-shapes/config";
import type { SyncEndpointRef } from "./endpoints";
import { clearTableRecords } from "./engine/apply";
import { cellsDependOnChange, planFields } from "./engine/field-plan";
import { runSync } from "./engine/run-sync";
import type { Tx } from "./engine/transaction";

// PUT …/syncs/{syncId}: the first configuration creates the table (with the id allocated at
// creation) and applies the latest payload; later ones update names, types, order, key and
// policies, re-applying the latest payload when what the cells hold depends on the change.
// Everything happens in one run (runSync): one transaction under the table's lock. A refused or
// failed configuration is the PUT's answer, not a run.
export async function configureSync(input: { sync: SyncEndpointRef; config: SyncConfig; now?: Date }): Promise<void> {
  const { sync, config, now } = input;
  await runSync({
    sync,
    trigger: "config",
    source: { kind: "latest" },
    now: now && (() => now),
    recordFailure: false,
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
      const existing = previous ? await readFields(tx, sync.tableId) : [];
      const fields = planFields(config, existing, await readSlotsUsed(tx, sync.tableId));
      await saveTable(tx, { sync, name: config.tableName, fields, primaryKey: config.primaryKey, exists: previous !== null });
      await writeSyncState(tx, sync.id, { status: "active", config });
      await renameSync(tx, sync.id, config.tableName);
      await clearWizardDraft(tx, sync.id);

      if (previous && !cellsDependOnChange(previous, config)) return null;
      // Records keyed by another column cannot be matched any more: rebuild from the payload.
      if (previous && !sameColumn(previous.primaryKey, config.primaryKey)) await clearTableRecords(tx, sync.tableId);
      return { state: { ...state, status: "active", config }, config, trigger: previous ? "config" : "setup" };
    },
  });
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
