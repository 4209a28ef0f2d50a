import "server-only";
import { createHash } from "node:crypto";
import { syncLimits } from "../../env";
import type { FieldRow } from "../../data/fields";
import { touchPayload } from "../../data/sync-payloads";
import { insertRun, readRepeatableRun, type RunTimings } from "../../data/sync-runs";
import { getFieldTypeModule } from "../../fields/registry";
import type { SyncConfig } from "../../sync-shapes/config";
import type { RunTrigger, SyncRunJson } from "../../sync-shapes/json";
import { saveRunChanges, type ChangedKeys } from "./changes";
import type { Tx } from "./transaction";

// A repeated CSV: most scheduled syncs re-send an export that has not changed. Applying a CSV is
// idempotent (a second apply of the same rows with the same settings finds every fingerprint
// equal, re-coerces only the rows with problems into the same cells, and has nothing left to
// delete), so when the sync's latest applied run took the same text with the same configuration,
// fields and coercion rules, and no run has changed the table since, the answer is that run's
// counts as unchanged rows and its problems, without parsing the CSV or storing it again.
//
// The digest hashes the CSV and everything else the run's result depends on. An applied run
// stores the digest of the state it started from (none when it added fields: its problems name
// them); a run compares the digest of the state it starts from. Any run that changes records
// (a different CSV, a configuration change, an undo) is the latest applied run after it, so an
// older digest never matches. A failed or dry run leaves no run row behind.

// Bump when anything the digest stands for changes meaning (e.g. the plan's key rules).
// 2: the CSV's bytes as received are hashed, not its decoded text (hashing a string encodes it
// again first: 0.2 s of a 40 MB request).
const DIGEST_FORMAT = 2;

export function csvDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64");
}

// `csvDigest`: of the CSV's bytes. Configurations and field options come from jsonb, which orders keys
// its own way: they are hashed in a canonical form.
export function inputsDigest(input: { csvDigest: string; config: SyncConfig; fields: readonly FieldRow[] }): string {
  const fields = [...input.fields]
    .sort((a, b) => a.slot - b.slot)
    .map((f) => [f.id, f.slot, f.column, f.type, getFieldTypeModule(f.type).coercionVersion, f.options ?? {}]);
  const settings = canonicalJson([DIGEST_FORMAT, input.config, fields, syncLimits.maxRows, syncLimits.maxColumns, input.csvDigest]);
  return createHash("sha256").update(settings).digest("base64");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// The repeat of the sync's latest applied run, or null when the run must be applied in full.
export async function repeatLatestRun(
  tx: Tx,
  input: { syncId: string; runId: string; trigger: RunTrigger; digest: string; startedAt: Date; now: Date; timings: RunTimings },
): Promise<SyncRunJson | null> {
  const mark = performance.now();
  const latest = await readRepeatableRun(tx, input.syncId, input.digest);
  if (!latest) return null;
  await touchPayload(tx, latest.payloadId, input.now);
  // An empty change list, as a full run that changed nothing would keep.
  const changes: ChangedKeys = { created: [], revived: [], updated: [], deleted: [] };
  await saveRunChanges(tx, { runId: input.runId, syncId: input.syncId, changes, addedFieldIds: [] });
  return insertRun(tx, {
    id: input.runId,
    syncId: input.syncId,
    trigger: input.trigger,
    status: "applied",
    payloadId: latest.payloadId,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    timings: { ...input.timings, repeatMs: Math.round((performance.now() - mark) * 10) / 10 },
    rowsReceived: latest.rowsReceived,
    rowsIgnored: latest.rowsIgnored,
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: latest.rowCount,
    skipped: latest.skipped,
    problemCount: latest.problemCount,
    problems: latest.problems,
    inputDigest: input.digest,
  });
}
