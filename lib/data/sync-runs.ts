import "server-only";
import { db } from "../db";
import type { RunCounts, RunStatus, RunTrigger, SyncProblemJson, SyncRunJson } from "../sync-shapes/json";
import { ApiError } from "../errors";
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
  inputDigest?: string | null; // an applied run's (lib/sync/engine/repeat.ts)
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
       rows_received, rows_ignored, created, updated, deleted, unchanged, skipped, problem_count, problems, error, input_digest)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20)`,
    [
      run.id, run.syncId, run.trigger, run.status, run.payloadId, run.startedAt, run.finishedAt, durationMs,
      JSON.stringify(run.timings), run.rowsReceived, run.rowsIgnored, run.created, run.updated, run.deleted,
      run.unchanged, run.skipped, run.problemCount, JSON.stringify(run.problems), run.error ?? null, run.inputDigest ?? null,
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

// The sync's latest applied run, if it took the CSV and settings `digest` stands for and its CSV is
// still stored: what a repeat of it answers (lib/sync/engine/repeat.ts). Runs are ordered as undo
// orders them.
export async function readRepeatableRun(
  q: Queryable,
  syncId: string,
  digest: string,
): Promise<{ payloadId: string; rowsReceived: number; rowsIgnored: number; rowCount: number; skipped: number; problemCount: number; problems: SyncProblemJson[] } | null> {
  const { rows } = await q.query(
    `SELECT r.payload_id AS "payloadId", r.rows_received AS "rowsReceived", r.rows_ignored AS "rowsIgnored",
            r.created + r.updated + r.unchanged AS "rowCount", r.skipped, r.problem_count AS "problemCount", r.problems
       FROM (SELECT * FROM sync_runs WHERE sync_id = $1 AND status = 'applied' ORDER BY finished_at DESC, started_at DESC LIMIT 1) r
       JOIN sync_payloads p ON p.id = r.payload_id
      WHERE r.input_digest = $2`,
    [syncId, digest],
  );
  return (rows[0] as Awaited<ReturnType<typeof readRepeatableRun>>) ?? null;
}

type RunRow = Awaited<ReturnType<typeof db.syncRun.findMany>>[number];

// What a run's list entry and its summary share: who started it, how it ended, when, how long.
function runHead(row: SummaryRow) {
  return {
    id: row.id,
    trigger: row.trigger as RunTrigger,
    status: row.status as RunStatus,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
  };
}

function toRunJson(row: RunRow): SyncRunJson {
  return {
    ...runHead(row),
    ...countsOf(row),
    problems: (row.problems ?? []) as SyncProblemJson[],
    error: row.error,
  };
}

type SummaryRow = Omit<RunRow, "problems" | "rowsReceived" | "rowsIgnored" | "syncId" | "payloadId" | "timings" | "inputDigest">;

function toRunSummary(row: SummaryRow): RunSummaryJson {
  return {
    ...runHead(row),
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

export const RUNS_DEFAULT_LIMIT = 50;
export const RUNS_MAX_LIMIT = 500;

// `?limit=`: a whole number 1–500; anything else is refused in the contract's error shape.
export function parseRunsLimit(text: string | null): number {
  if (text === null) return RUNS_DEFAULT_LIMIT;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > RUNS_MAX_LIMIT) {
    throw new ApiError("INVALID_REQUEST_UNKNOWN", `limit must be a whole number from 1 to ${RUNS_MAX_LIMIT}.`);
  }
  return n;
}

// Newest first. Without problems (`withProblems: false`) each run is a few hundred bytes, so the
// run-history chart can read 500 of them; the problems (up to 1,000 per run) stay in the database.
export async function listRuns(syncId: string, options: { limit?: number; withProblems?: boolean } = {}): Promise<SyncRunJson[]> {
  const withProblems = options.withProblems ?? true;
  const rows = await db.syncRun.findMany({
    where: { syncId },
    orderBy: NEWEST_FIRST,
    take: options.limit ?? RUNS_DEFAULT_LIMIT,
    ...(withProblems ? {} : { omit: { problems: true } }),
  });
  return rows.map((row) => toRunJson({ ...row, problems: withProblems ? row.problems : [] } as RunRow));
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
