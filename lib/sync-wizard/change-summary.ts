// What a configuration change will do, in plain words, from the saved configuration, the new one
// and the server's dry run of it (PUT …?dryRun=true). No server imports.
import type { SyncConfig, SyncConfigInput } from "../sync-shapes/config";

export type ConfigurePreviewJson = {
  dryRun: true;
  reapplies: boolean;
  rebuild: boolean;
  liveRecords: number;
  run: { created: number; updated: number; deleted: number; unchanged: number; problemCount: number; problemsByColumn: Record<string, number> } | null;
};

export type ChangeSummary = { lines: string[]; needsConfirmation: boolean };

const n = (count: number) => count.toLocaleString("en-US");
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? "" : "s"}`;
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function summarizeChange(previous: SyncConfig, next: SyncConfigInput, preview: ConfigurePreviewJson): ChangeSummary {
  const lines: string[] = [];
  if (preview.rebuild) {
    lines.push(`Primary key ${previous.primaryKey} → ${next.primaryKey}: the table is rebuilt, ${plural(preview.liveRecords, "record")} get new ids.`);
  }
  const problems = preview.run?.problemsByColumn ?? {};
  for (const field of next.fields) {
    const before = previous.fields.find((f) => same(f.column, field.column));
    const name = field.name ?? field.column;
    if (!before) {
      lines.push(`New field ${name}.`);
      continue;
    }
    if (before.type !== field.type) {
      const failing = Object.entries(problems).find(([column]) => same(column, field.column))?.[1] ?? 0;
      lines.push(`Type of ${name} ${before.type} → ${field.type}${failing > 0 ? `: ${plural(failing, "cell")} will not parse` : ""}.`);
    }
  }
  for (const field of previous.fields) {
    if (!next.fields.some((f) => same(f.column, field.column))) lines.push(`Field ${field.name ?? field.column} is removed.`);
  }
  const run = preview.run;
  if (run && !preview.rebuild) {
    if (run.deleted > 0) lines.push(`${plural(run.deleted, "record")} will be deleted.`);
    if (run.updated > 0) lines.push(`${plural(run.updated, "record")} will be updated.`);
    if (run.created > 0) lines.push(`${plural(run.created, "record")} will be created.`);
  }
  if (!preview.reapplies) lines.push("No record changes.");
  return { lines, needsConfirmation: preview.rebuild || (run?.deleted ?? 0) > 0 };
}
