import "server-only";
import { db } from "../db";
import type { RunCounts, RunStatus, RunTrigger, SyncProblemJson, SyncRunJson } from "../sync-shapes/json";
import type { Queryable } from "./tx";

// The `sync_runs` table. A run is inserted with raw SQL on its own transaction's connection, so a
// rolled-back run leaves no row behind (Prisma cannot join that transaction); runs are read with
// Prisma.

// A run as the grid's status bar polls it: no problem list.
export type RunSummaryJson = Omit<SyncRunJson, "problems" | "rowsReceived" | "rowsIgnored">;

export const ZERO_COUNTS: RunCounts = {
  rowsReceived: 0,
  rowsIgnored: 0,
  created: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  skipped: 0,
  problemCount: 0,
};

export type RunTimings = Record<string, number>;

export type NewRun = RunCounts & {
  id: string;
  syncId: string;
  trigger: RunTrigger;
  status: RunStatus;
  payloadId: string | null;
  startedAt: Date;
  finishedAt: Date;
  timings: RunTimings;
  problems: SyncProblemJson[];
  error?: string | null;
};

export const countsOf = (run: RunCounts): RunCounts => ({
  rowsReceived: run.rowsReceived,
  rowsIgnored: run.rowsIgnored,
  created: run.created,
  updated: run.updated,
  deleted: run.deleted,
  unchanged: run.unchanged,
  skipped: run.skipped,
  problemCount: run.problemCount,
});

export async function insertRun(q: Queryable, run: NewRun): Promise<SyncRunJson> {
  const durationMs = Math.max(0, Math.round(run.finishedAt.getTime() - run.startedAt.getTime()));
  await q.query(
    `INSERT INTO sync_runs (id, sync_id, trigger, status, payload_id, started_at, finished_at, duration_ms, timings,
       rows_received, rows_ignored, created, updated, deleted, unchanged, skipped, problem_count, problems, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19)`,
    [
      run.id, run.syncId, run.trigger, run.status, run.payloadId, run.startedAt, run.finishedAt, durationMs,
      JSON.stringify(run.timings), run.rowsReceived, run.rowsIgnored, run.created, run.updated, run.deleted,
      run.unchanged, run.skipped, run.problemCount, JSON.stringify(run.problems), run.error ?? null,
    ],
  );
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs,
    ...countsOf(run),
    problems: run.problems,
    error: run.error ?? null,
  };
}

type RunRow = Awaited<ReturnType<typeof db.syncRun.findMany>>[number];

function toRunJson(row: RunRow): SyncRunJson {
  return {
    id: row.id,
    trigger: row.trigger as RunTrigger,
    status: row.status as RunStatus,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    ...countsOf(row),
    problems: (row.problems ?? []) as SyncProblemJson[],
    error: row.error,
  };
}

type SummaryRow = Omit<RunRow, "problems" | "rowsReceived" | "rowsIgnored" | "syncId" | "payloadId" | "timings">;

function toRunSummary(row: SummaryRow): RunSummaryJson {
  return {
    id: row.id,
    trigger: row.trigger as RunTrigger,
    status: row.status as RunStatus,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    created: row.created,
    updated: row.updated,
    deleted: row.deleted,
    unchanged: row.unchanged,
    skipped: row.skipped,
    problemCount: row.problemCount,
    error: row.error,
  };
}

const NEWEST_FIRST = [{ startedAt: "desc" as const }, { finishedAt: "desc" as const }];

export async function listRuns(syncId: string, limit = 50): Promise<SyncRunJson[]> {
  const rows = await db.syncRun.findMany({ where: { syncId }, orderBy: NEWEST_FIRST, take: limit });
  return rows.map(toRunJson);
}

export async function readLastRun(syncId: string): Promise<SyncRunJson | null> {
  const row = await db.syncRun.findFirst({ where: { syncId }, orderBy: NEWEST_FIRST });
  return row && toRunJson(row);
}

const SUMMARY_SELECT = {
  id: true, trigger: true, status: true, startedAt: true, finishedAt: true, durationMs: true,
  created: true, updated: true, deleted: true, unchanged: true, skipped: true, problemCount: true, error: true,
} as const;

// The last run without its problem list: cheap enough for a poll every few seconds.
export async function readLastRunSummary(syncId: string): Promise<RunSummaryJson | null> {
  const row = await db.syncRun.findFirst({ where: { syncId }, orderBy: NEWEST_FIRST, select: SUMMARY_SELECT });
  return row && toRunSummary(row);
}

export async function readLastAppliedAt(syncId: string): Promise<string | null> {
  const row = await db.syncRun.findFirst({ where: { syncId, status: "applied" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } });
  return row?.finishedAt?.toISOString() ?? null;
}
