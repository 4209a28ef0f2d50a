import "server-only";
import { checkHeaderForConfig, columnIndex } from "../csv/header";
import { newId } from "../ids";
import { applySyncRows } from "./apply";
import type { SyncConfig } from "./config";
import { buildSyncRows } from "./plan";
import { insertRun, type RunTimings, type RunTrigger, type SyncRunJson } from "./runs";
import { appendFields, readFields, writeSyncConfig, type FieldRow, type SyncState } from "./store";
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
  },
): Promise<SyncRunJson> {
  const { sync, payload, now } = input;
  checkHeaderForConfig(payload.header, input.config);
  const fields = await readFields(tx, sync.tableId);
  const config = await addNewColumns(tx, { sync, config: input.config, fields, header: payload.header });

  let mark = performance.now();
  const plan = buildSyncRows({
    header: payload.header,
    rows: payload.rows,
    fields: fields.map((f) => ({ id: f.id, column: f.column, type: f.type, options: f.options })),
    keyColumn: config.primaryKey,
  });
  const planMs = performance.now() - mark;
  mark = performance.now();
  const counts = await applySyncRows(tx, {
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
    timings: { ...input.timings, planMs: round(planMs), applyMs: round(applyMs) },
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
  const known = fields.map((f) => f.column);
  const fresh = header.filter((column) => columnIndex(known, column) < 0);
  if (fresh.length === 0) return config;
  const names = new Set(fields.map((f) => f.name.toLowerCase()));
  let position = fields.reduce((max, f) => Math.max(max, f.position), -1);
  const added: FieldRow[] = fresh.map((column) => ({
    id: newId("field"),
    name: uniqueName(column, names),
    type: "singleLineText",
    options: {},
    position: ++position,
    column,
  }));
  await appendFields(tx, sync.tableId, added);
  fields.push(...added);
  const next: SyncConfig = { ...config, fields: [...config.fields, ...added.map((f) => ({ column: f.column, name: f.name, type: f.type }))] };
  await writeSyncConfig(tx, sync.id, next);
  return next;
}

// A field renamed by the user may already hold a new column's name: "Name 2", "Name 3", …
export function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
