import "server-only";
import type { CsvRows } from "../../csv/rows";
import { checkHeaderForConfig } from "./header-check";
import { applySyncRows, prepareTable } from "./apply";
import type { StoredRecord } from "./diff";
import { readStoredRecords } from "./load";
import type { SyncConfig } from "../../sync-shapes/config";
import { saveRunChanges, type ChangedKeys } from "./changes";
import { MAX_PROBLEMS, planSync, type SyncProblem } from "./plan";
import { startProgress } from "./progress";
import { insertRun, type RunTimings } from "../../data/sync-runs";
import type { RunTrigger, SyncRunJson } from "../../sync-shapes/json";
import { SYNCED_SUFFIX, fieldsForNewColumns, newColumns } from "./field-plan";
import { appendFields, readFields, readOwnFieldNames, type FieldRow } from "../../data/fields";
import { writeSyncConfig, type SyncState } from "../../data/sync-endpoints";
import type { Tx } from "./transaction";
import { inputsDigest } from "./repeat";

// `digest`: of the CSV text (repeat.ts), so the run can record what it applied.
export type ParsedPayload = { id: string; digest?: string; header: string[]; rows: CsvRows; totalRows: number; ignoredRows: number };

// What a run needs of the table before it applies a payload (see prepareTable): its fields, how
// many cell slots it has given out, whether it has no records, and its own fields' names (which
// a new synced field never takes). The engine never reads or writes own fields' values.
// `stored`: the records' keys and fingerprints, when readAhead asked for them.
export type PreparedTable = { fields: FieldRow[]; slotsUsed: number; empty: boolean; ownNames: string[]; stored?: Promise<Map<string, StoredRecord>> };

export async function prepareApply(tx: Tx, input: { tableId: string; config: SyncConfig; now: Date }): Promise<PreparedTable> {
  const fields = await readFields(tx, input.tableId);
  const ownNames = await readOwnFieldNames(tx, input.tableId);
  const { slotsUsed, empty } = await prepareTable(tx, { tableId: input.tableId, retentionDays: input.config.retentionDays, now: input.now });
  return { fields, slotsUsed, empty, ownNames };
}

// Asks for the stored records' keys and fingerprints (a table with records) before the request's
// CSV is stored, so Postgres reads them while Node scans and fingerprints the rows, instead of
// after both. Not waited for here: applySyncRows takes the answer.
export function readAhead(tx: Tx, tableId: string, prepared: PreparedTable): PreparedTable {
  if (prepared.empty) return prepared;
  const stored = readStoredRecords(tx, tableId);
  stored.catch(() => undefined); // a run refused before applying never asks for it; its failure fails the rest anyway
  return { ...prepared, stored };
}

// Applies one parsed payload to a sync's table inside the caller's table-locked transaction:
// new columns become fields ("all fields" mode), rows are keyed (plan.ts), coerced as they stream
// into the database and merged (apply.ts), and the run is recorded in the same transaction.
// `prepared`: from prepareApply, when the caller ran it earlier in this transaction. A statement
// may still be running on the connection (the request's CSV being stored): Node works ahead
// meanwhile (see applySyncRows).
export async function applyPayload(
  tx: Tx,
  input: {
    sync: SyncState;
    config: SyncConfig;
    payload: ParsedPayload;
    trigger: RunTrigger;
    runId: string;
    startedAt: Date; // wall clock, for the run's timings
    now: Date; // the sync's clock: record timestamps and the retention window
    timings?: RunTimings;
    prepared?: PreparedTable;
    allowMassDeletion?: boolean; // lifts the deletion safeguard for this run
    onChanges?: (changes: ChangedKeys) => void; // the keys the run touched (a dry run's sample)
    storeLater?: () => Promise<void>; // sends the request's CSV to storage once the rows are merged
  },
): Promise<SyncRunJson> {
  const { sync, payload, now } = input;
  checkHeaderForConfig(payload.header, input.config);
  const prepared = input.prepared ?? (await prepareApply(tx, { tableId: sync.tableId, config: input.config, now }));
  const added = newFieldsFor(input.config, prepared, payload.header);
  const fields = [...prepared.fields, ...added];

  let mark = performance.now();
  const plan = planSync({
    header: payload.header,
    rows: payload.rows,
    fields: fields.map((f) => ({ id: f.id, column: f.column, type: f.type, options: f.options, slot: f.slot })),
    keyColumn: input.config.primaryKey,
  });
  const planMs = performance.now() - mark;
  mark = performance.now();
  const progress = startProgress({ syncId: sync.id, runId: input.runId, total: plan.size, startedAt: input.startedAt });
  // Cells are coerced while the rows stream into the database, so load covers both.
  const { timings: applyTimings, changes, ...counts } = await applySyncRows(tx, {
    tableId: sync.tableId,
    runId: input.runId,
    syncId: sync.id,
    plan,
    deletion: input.config.deletion,
    maxDeletePercent: input.config.maxDeletePercent ?? null,
    allowMassDeletion: input.allowMassDeletion ?? false,
    empty: prepared.empty,
    stored: prepared.stored,
    now,
    progress,
  }).finally(() => progress.end());
  const applyMs = performance.now() - mark;
  await input.storeLater?.();
  await addFields(tx, { sync, config: input.config, added });
  await tx.idle(); // the statements queued before (the CSV's description) are not the change list's cost
  mark = performance.now();
  await saveRunChanges(tx, { runId: input.runId, syncId: sync.id, changes, addedFieldIds: added.map((f) => f.id) });
  const changesMs = performance.now() - mark;
  input.onChanges?.(changes);
  const planned = plan.problems();
  const renamed = renamedColumnProblems(added);
  const problems = [...renamed, ...planned.problems].slice(0, MAX_PROBLEMS);
  const problemCount = planned.problemCount + renamed.length;

  return insertRun(tx, {
    id: input.runId,
    syncId: sync.id,
    trigger: input.trigger,
    status: "applied",
    payloadId: payload.id,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    timings: {
      ...input.timings,
      planMs: round(planMs),
      applyMs: round(applyMs),
      loadMs: round(applyTimings.loadMs),
      mergeMs: round(applyTimings.mergeMs),
      changesMs: round(changesMs),
    },
    rowsReceived: payload.totalRows,
    rowsIgnored: payload.ignoredRows,
    ...counts,
    skipped: plan.skipped,
    problemCount,
    problems,
    // What the table now reflects, so the same request again can be answered without applying it.
    // Not after adding fields: this run's problems name them, which a run of the same CSV again
    // would not (it adds nothing), so that run is applied in full and stores its digest.
    inputDigest: payload.digest && added.length === 0 ? inputsDigest({ csvDigest: payload.digest, config: input.config, fields }) : null,
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

// A new column named like an own field is synced as "<Name> (synced)": the run reports it as a
// problem of the header (row 0).
function renamedColumnProblems(added: FieldRow[]): SyncProblem[] {
  return added
    .filter((f) => f.name.startsWith(`${f.column}${SYNCED_SUFFIX}`))
    .map((f) => ({ row: 0, column: f.column, value: f.column, reason: `an own field is named "${f.column}": the column is synced as "${f.name}"` }));
}

// In "all fields" mode a column that first appears now becomes a single-line-text field at the end.
function newFieldsFor(config: SyncConfig, prepared: PreparedTable, header: string[]): FieldRow[] {
  if (config.fieldSelection !== "all") return [];
  const columns = newColumns(header, prepared.fields);
  return columns.length === 0 ? [] : fieldsForNewColumns(columns, prepared.fields, prepared.slotsUsed, prepared.ownNames);
}

// Stores the new fields, and adds them to the configuration so "Update sync configuration" shows them.
async function addFields(tx: Tx, input: { sync: SyncState; config: SyncConfig; added: FieldRow[] }): Promise<void> {
  const { sync, config, added } = input;
  if (added.length === 0) return;
  await appendFields(tx, sync.tableId, added);
  const next: SyncConfig = { ...config, fields: [...config.fields, ...added.map((f) => ({ column: f.column, name: f.name, type: f.type }))] };
  await writeSyncConfig(tx, sync.id, next);
}
