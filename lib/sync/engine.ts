import "server-only";
import { checkHeaderForConfig } from "../csv/header";
import { applySyncRows } from "./apply";
import type { SyncConfig } from "./config";
import { planSync } from "./plan";
import { insertRun, type RunTimings, type RunTrigger, type SyncRunJson } from "./runs";
import { fieldsForNewColumns, newColumns, type FieldRow } from "./field-plan";
import { appendFields, readFields, readSlotsUsed, writeSyncConfig, type SyncState } from "./store";
import type { Tx } from "./transaction";

export type ParsedPayload = { id: string; header: string[]; rows: string[][]; totalRows: number; ignoredRows: number };

// Applies one parsed payload to a sync's table inside the caller's table-locked transaction:
// new columns become fields ("all fields" mode), rows are keyed (plan.ts), coerced as they stream
// into the database and merged (apply.ts), and the run is recorded in the same transaction.
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
  },
): Promise<SyncRunJson> {
  const { sync, payload, now } = input;
  checkHeaderForConfig(payload.header, input.config);
  const fields = await readFields(tx, sync.tableId);
  const config = await addNewColumns(tx, { sync, config: input.config, fields, header: payload.header });

  let mark = performance.now();
  const plan = planSync({
    header: payload.header,
    rows: payload.rows,
    fields: fields.map((f) => ({ id: f.id, column: f.column, type: f.type, options: f.options, slot: f.slot })),
    keyColumn: config.primaryKey,
  });
  const planMs = performance.now() - mark;
  mark = performance.now();
  // Cells are coerced while the rows stream into the database, so load covers both.
  const { timings: applyTimings, ...counts } = await applySyncRows(tx, {
    tableId: sync.tableId,
    plan,
    deletion: config.deletion,
    retentionDays: config.retentionDays,
    now,
  });
  const applyMs = performance.now() - mark;
  const { problems, problemCount } = plan.problems();

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
    },
    rowsReceived: payload.totalRows,
    rowsIgnored: payload.ignoredRows,
    ...counts,
    skipped: plan.skipped,
    problemCount,
    problems,
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

// In "all fields" mode a column that first appears now becomes a single-line-text field at the end
// (and joins the configuration, so "Update sync configuration" shows it). Mutates `fields`.
async function addNewColumns(
  tx: Tx,
  input: { sync: SyncState; config: SyncConfig; fields: FieldRow[]; header: string[] },
): Promise<SyncConfig> {
  const { sync, config, fields, header } = input;
  if (config.fieldSelection !== "all") return config;
  const columns = newColumns(header, fields);
  if (columns.length === 0) return config;
  const added = fieldsForNewColumns(columns, fields, await readSlotsUsed(tx, sync.tableId));
  await appendFields(tx, sync.tableId, added);
  fields.push(...added);
  const next: SyncConfig = { ...config, fields: [...config.fields, ...added.map((f) => ({ column: f.column, name: f.name, type: f.type }))] };
  await writeSyncConfig(tx, sync.id, next);
  return next;
}
