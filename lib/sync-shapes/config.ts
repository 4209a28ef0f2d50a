// The sync configuration: what PUT /v0/meta/bases/{baseId}/syncs/{syncId} takes and what the
// wizard's form edits. No server imports, so the browser validates with the same schema.
// Messages do not repeat the parameter: the API names it from the issue's path (parseBody), the
// wizard shows the message beside the field.
import { z } from "zod";
import { columnKey } from "../csv/header";
import { MAX_NAME_LENGTH } from "../csv/limits";
import { syncFieldTypeSchema } from "../fields/registry";
import { fieldOptionsSchema } from "../fields/types";

export const DEFAULT_RETENTION_DAYS = 30;

export const syncFieldSchema = z.object({
  column: z.string().min(1, "must not be empty").max(MAX_NAME_LENGTH),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  type: syncFieldTypeSchema,
  options: fieldOptionsSchema.optional(),
});

export const syncConfigSchema = z
  .object({
    tableName: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH),
    fieldSelection: z.enum(["all", "specific"]),
    // No count limit here: every field must name a column of the latest CSV (configureSync), whose
    // header is held to SYNC_MAX_COLUMNS, and the JSON body to 1 MB.
    fields: z.array(syncFieldSchema).min(1, "choose at least one field"),
    primaryKey: z.string().min(1, "choose the column that identifies a record"),
    updateMethod: z.enum(["auto", "manual"]).default("auto"),
    deletion: z.enum(["delete", "keep"]).default("delete"),
    retentionDays: z.number().int().min(0).max(3650).default(DEFAULT_RETENTION_DAYS),
    // Refuse a request that would delete more than this share (%) of the live records; null: off.
    maxDeletePercent: z.number().min(1, "maxDeletePercent: from 1 to 100, or null").max(100, "maxDeletePercent: from 1 to 100, or null").nullable().optional(),
  })
  .superRefine((config, ctx) => {
    const columns = config.fields.map((f) => columnKey(f.column));
    const dup = columns.find((c, i) => columns.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["fields"], message: `column "${dup}" is listed twice` });
    const names = config.fields.map((f) => columnKey(f.name ?? f.column));
    const dupName = names.find((n, i) => names.indexOf(n) !== i);
    if (dupName) ctx.addIssue({ code: "custom", path: ["fields"], message: `field name "${dupName}" is used twice` });
    if (!columns.includes(columnKey(config.primaryKey))) {
      ctx.addIssue({ code: "custom", path: ["primaryKey"], message: "must be one of the chosen fields" });
    }
  });

export type SyncConfig = z.infer<typeof syncConfigSchema>;
export type SyncConfigInput = z.input<typeof syncConfigSchema>;

// POST /v0/meta/bases/{baseId}/syncs: a new sync endpoint, named after the table it will create.
export const createSyncSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`),
});
