import "server-only";
import { checkHeaderForConfig } from "../csv/header";
import { applySyncRows } from "./apply";
import type { SyncConfig } from "./config";
import { buildSyncRows } from "./plan";
import { insertRun, type RunTimings, type RunTrigger, type SyncRunJson } from "./runs";
import { fieldsForNewColumns, type FieldRow } from "./field-plan";
import { appendFields, readFields, writeSyncConfig, type SyncState } from "./store";
import type { Tx } from "./transaction";

export type ParsedPayload = { id: string; header: string[]; rows: string[][]; totalRows: number; ignoredRows: number };

// Applies one parsed payload to a sync's table inside the caller's table-locked transaction:
// new columns become fields ("all fields" mode), rows are coerced and keyed (plan.ts), merged
// (apply.ts), and the run is recorded in the same transaction.
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
    // Work for the same transaction (storing the received CSV) that the server can do while
    // Node builds the rows: sent before the plan, awaited after it.
    alongside?: (tx: Tx) => Promise<unknown>;
  },
): Promise<SyncRunJson> {
  const { sync, payload, now } = input;
  checkHeaderForConfig(payload.header, input.config);
  const fields = await readFields(tx, sync.tableId);
  const config = await addNewColumns(tx, { sync, config: input.config, fields, header: payload.header });

  let mark = performance.now();
  const alongside = input.alongside?.(tx);
  alongside?.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled
  const plan = buildSyncRows({
    header: payload.header,
    rows: payload.rows,
    fields: fields.map((f) => ({ id: f.id, column: f.column, type: f.type, options: f.options })),
    keyColumn: config.primaryKey,
  });
  const planMs = performance.now() - mark;
  mark = performance.now();
  await alongside;
  const alongsideWaitMs = performance.now() - mark;
  mark = performance.now();
  const { timings: applyTimings, ...counts } = await applySyncRows(tx, {
    tableId: sync.tableId,
    rows: plan.rows,
    deletion: config.deletion,
    retentionDays: config.retentionDays,
    now,
  });
  const applyMs = performance.now() - mark;

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
      ...(alongside ? { storeWaitMs: round(alongsideWaitMs) } : {}),
      applyMs: round(applyMs),
      loadMs: round(applyTimings.loadMs),
      mergeMs: round(applyTimings.mergeMs),
    },
    rowsReceived: payload.totalRows,
    rowsIgnored: payload.ignoredRows,
    ...counts,
    skipped: plan.skipped,
    problemCount: plan.problemCount,
    problems: plan.problems,
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
  const added = fieldsForNewColumns(header, fields);
  if (added.length === 0) return config;
  await appendFields(tx, sync.tableId, added);
  fields.push(...added);
  const next: SyncConfig = { ...config, fields: [...config.fields, ...added.map((f) => ({ column: f.column, name: f.name, type: f.type }))] };
  await writeSyncConfig(tx, sync.id, next);
  return next;
}
