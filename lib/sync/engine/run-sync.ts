import "server-only";
import { decodeCsvBody } from "../../csv/decode";
import { scanCsv } from "../../csv/scan";
import { readSync, writeSyncState, type SyncState } from "../../data/sync-endpoints";
import { deflateBody, readLatestPayload, sendPayload, sendPayloadDescription, type StoredPayload } from "../../data/sync-payloads";
import { insertRun, ZERO_COUNTS, type RunTimings } from "../../data/sync-runs";
import { getPool } from "../../db";
import { ApiError, toApiError } from "../../errors";
import { newId } from "../../ids";
import type { SyncConfig } from "../../sync-shapes/config";
import type { RunCounts, RunTrigger, SyncRunJson } from "../../sync-shapes/json";
import { applyPayload, prepareApply, readAhead, type ParsedPayload } from "./apply-payload";
import type { ChangedKeys } from "./changes";
import { checkHeaderForConfig } from "./header-check";
import { csvDigest, inputsDigest, repeatLatestRun } from "./repeat";
import { withTableLock, type Tx } from "./transaction";

// Every run of a sync goes through runSync: the Sync API's requests (receive.ts), "Sync now"
// (run-now.ts) and configuration changes (configure.ts). One transaction holding the table's lock:
// read the sync's state, let the kind of run admit it (or refuse, or change the table first), get
// the CSV (store and parse a request's body, or parse the latest stored one), apply it or only
// record it as received, and record the run. A failure rolls everything back and is recorded as
// a failed run on its own. A dry run is the same run rolled back at the end (`dryRun`), so its
// counts are a real run's.

// Where the run's CSV comes from.
export type RunSource =
  | { kind: "request"; body: Uint8Array } // a Sync API request: decoded, stored and parsed
  | { kind: "latest" }; // the latest CSV stored for the sync

// What a run does once admitted: apply the CSV with `config`, or (null) only store a request's CSV.
export type Admitted = { state: SyncState; config: SyncConfig | null; trigger?: RunTrigger };

// Decides under the lock. `payload`: the latest stored CSV, for a "latest" source. Throws to refuse
// the run; returns null when there is nothing to do (a configuration that needs no re-apply).
export type Admit = (tx: Tx, state: SyncState | null, payload: StoredPayload | null) => Promise<Admitted | null>;

export async function runSync(input: {
  sync: { id: string; tableId: string };
  trigger: RunTrigger;
  source: RunSource;
  admit: Admit;
  now?: () => Date; // the sync's clock (record timestamps, retention window), read under the lock; tests inject it
  recordFailure?: boolean; // false: a failure is the caller's answer only (a refused configuration), not a run
  dryRun?: boolean; // do everything, then roll it all back (and record no failure)
  allowMassDeletion?: boolean; // lifts the deletion safeguard for this run
  onChanges?: (changes: ChangedKeys) => void; // the keys the run touched (a dry run's sample)
}): Promise<SyncRunJson | null> {
  const { sync, source } = input;
  const runId = newId("run");
  const startedAt = new Date();
  let counts: Partial<RunCounts> = {};
  // A request's body is compressed for storage on the thread pool meanwhile (sync-payloads.ts);
  // a repeat does not store it and leaves the result unused.
  const deflating = source.kind === "request" ? deflateBody(source.body) : null;
  deflating?.catch(() => undefined); // awaited where it is stored; this only keeps a dropped failure from going unhandled
  try {
    const decodeStart = performance.now();
    const text = source.kind === "request" ? decodeCsvBody(source.body) : null;
    const decodeMs = performance.now() - decodeStart;
    return await withTableLock(sync.tableId, async (tx, lockWaitMs) => {
      const state = await readSync(tx, sync.id);
      const latest = source.kind === "latest" ? await readLatestPayload(tx, sync.id) : null;
      const admitted = await input.admit(tx, state, latest);
      if (!admitted) return null;
      const trigger = admitted.trigger ?? input.trigger;
      const now = (input.now ?? (() => new Date()))();
      // The table's few small reads and writes come before the CSV's store, so that nothing but
      // the store stands between parsing and coercing (see applySyncRows).
      let prepared = admitted.config ? await prepareApply(tx, { tableId: sync.tableId, config: admitted.config, now }) : undefined;
      let payload: ParsedPayload;
      let storeLater: (() => Promise<void>) | undefined;
      const parseStart = performance.now();
      if (text !== null && source.kind === "request") {
        const digest = csvDigest(source.body);
        if (admitted.config && prepared) {
          // The same CSV and settings as the latest applied run, nothing changed since: its answer again (repeat.ts).
          const inputs = inputsDigest({ csvDigest: digest, config: admitted.config, fields: prepared.fields });
          const timings = { parseMs: round(decodeMs + performance.now() - parseStart), lockWaitMs };
          const repeated = await repeatLatestRun(tx, { syncId: sync.id, runId, trigger, digest: inputs, startedAt, now, timings });
          if (repeated) {
            input.onChanges?.({ created: [], revived: [], updated: [], deleted: [] });
            return repeated;
          }
        }
        if (prepared) prepared = readAhead(tx, sync.tableId, prepared);
        // Every request's CSV is kept (a failure rolls it back), sent once deflated and not waited
        // for. A first sync's COPY queues behind that store, so it goes out before the scan; on a
        // table with records Postgres reads them first (readAhead) while Node scans, and the store
        // goes out once the rows are merged, so the merge never waits for the deflate.
        const bytes = source.body.byteLength;
        const store = async () => sendPayload(tx, { id: runId, syncId: sync.id, receivedAt: now, bytes, deflated: await deflating! });
        const resync = prepared !== undefined && !prepared.empty;
        if (!resync) await store();
        const parsed: ParsedPayload = { id: runId, digest, ...scanCsv(text) };
        payload = parsed;
        counts = { rowsReceived: parsed.totalRows, rowsIgnored: parsed.ignoredRows };
        // Read under the lock: a configuration saved meanwhile decides how this request is handled.
        if (admitted.state.config) checkHeaderForConfig(parsed.header, admitted.state.config);
        const describe = () => sendPayloadDescription(tx, runId, parsed);
        if (resync) storeLater = () => store().then(describe);
        else describe();
      } else {
        if (!latest) throw new ApiError("NOT_FOUND", `No CSV stored for sync ${sync.id}.`);
        payload = { id: latest.id, digest: csvDigest(latest.bytes), ...scanCsv(decodeCsvBody(latest.bytes)) };
      }
      const timings = { parseMs: round(decodeMs + performance.now() - parseStart), lockWaitMs };
      const run = { tx, sync: admitted.state, payload, trigger, runId, startedAt, now, timings };
      if (!admitted.config) return storeOnly(run);
      const { allowMassDeletion, onChanges } = input;
      return applyPayload(tx, { ...run, config: admitted.config, prepared, allowMassDeletion, onChanges, storeLater });
    }, { rollback: input.dryRun });
  } catch (err) {
    // A refused request (not set up, nothing received) is not a run; anything else is a failed one.
    const refused = err instanceof ApiError && err.type === "INVALID_REQUEST_UNKNOWN";
    if (input.recordFailure !== false && !input.dryRun && !refused) {
      await recordFailedRun({ id: runId, syncId: sync.id, trigger: input.trigger, startedAt, error: toApiError(err).message, ...counts });
    }
    throw err;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

// A request that is only stored: while the sync is being set up, or when its update method is manual.
async function storeOnly(run: { tx: Tx; sync: SyncState; payload: ParsedPayload; trigger: RunTrigger; runId: string; startedAt: Date; timings: RunTimings }) {
  const { tx, sync, payload } = run;
  if (sync.status === "waiting") await writeSyncState(tx, sync.id, { status: "received", config: null });
  return insertRun(tx, {
    ...ZERO_COUNTS,
    id: run.runId,
    syncId: sync.id,
    trigger: run.trigger,
    status: "received",
    payloadId: payload.id,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    timings: run.timings,
    rowsReceived: payload.totalRows,
    rowsIgnored: payload.ignoredRows,
    problems: [],
  });
}

// Written after the rollback, on its own connection. Best effort: the request already failed, and
// recording why must not hide the original error. What a failed run shows is the API's own
// message, never internals.
async function recordFailedRun(run: { id: string; syncId: string; trigger: RunTrigger; startedAt: Date; error: string } & Partial<RunCounts>) {
  try {
    await insertRun(getPool(), { ...ZERO_COUNTS, ...run, status: "failed", payloadId: null, finishedAt: new Date(), timings: {}, problems: [] });
  } catch (err) {
    console.error(`could not record failed run: ${(err as Error).message}`);
  }
}
