// The wizard's one form across its steps: every CSV column (selected or not) in the user's order,
// plus the settings. It converts to the PUT body (SyncConfig) and validates with the same schema
// the server uses, mapping each problem back to the form row it came from. No server imports.
import { z } from "zod";
import { columnKey } from "../csv/header";
import { toSentence } from "../errors";
import { FIELD_TYPE_MODULES, syncFieldTypeSchema } from "../fields/registry";
import { DEFAULT_FIELD_TYPE, fieldOptionsSchema, type FieldOptions, type FieldType } from "../fields/types";
import { DEFAULT_RETENTION_DAYS, syncConfigSchema, type SyncConfig, type SyncConfigInput } from "../sync-shapes/config";
import type { FieldSuggestionJson } from "../sync-shapes/json";

const wizardFieldSchema = z.object({
  column: z.string(),
  name: z.string(),
  type: syncFieldTypeSchema,
  options: fieldOptionsSchema,
  selected: z.boolean(),
});

export type WizardField = z.infer<typeof wizardFieldSchema>;

// The type's own options (FieldTypeModule.optionKeys; the rest are dropped when the type changes
// or on save), with the type's defaults for any that are missing.
export function optionsForType(type: FieldType, options: FieldOptions = {}): FieldOptions {
  const merged: FieldOptions = { ...FIELD_TYPE_MODULES[type].defaultOptions, ...options };
  const picked: Record<string, unknown> = {};
  for (const key of FIELD_TYPE_MODULES[type].optionKeys) if (merged[key] !== undefined) picked[key] = merged[key];
  return picked as FieldOptions;
}

export function fieldFromColumn(column: string, suggestion: FieldSuggestionJson | undefined, selected: boolean): WizardField {
  const type = suggestion?.type ?? DEFAULT_FIELD_TYPE;
  return { column, name: column, type, options: optionsForType(type, suggestion?.options), selected };
}

// The form's shape without the checks that need the whole form (also what a draft holds).
export const wizardValuesSchema = z.object({
  tableName: z.string(),
  fieldSelection: z.enum(["all", "specific"]),
  fields: z.array(wizardFieldSchema),
  primaryKey: z.string(),
  updateMethod: z.enum(["auto", "manual"]),
  deletion: z.enum(["delete", "keep"]),
  retentionDays: z.number({ error: "Enter a number of days." }),
  // The deletion safeguard's percentage; null: off.
  maxDeletePercent: z.number({ error: "Enter a percentage from 1 to 100, or leave it empty." }).nullable(),
});

export const wizardFormSchema = wizardValuesSchema
  .superRefine((values, ctx) => {
    let rowIssues = false;
    const seen = new Map<string, number>();
    values.fields.forEach((field, i) => {
      if (!isIncluded(values, field)) return;
      const name = columnKey(field.name);
      if (!name) {
        rowIssues = true;
        ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: "Give this field a name." });
        return;
      }
      if (seen.has(name)) {
        rowIssues = true;
        ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `Another field is already named "${field.name.trim()}".` });
      }
      seen.set(name, i);
    });
    const { config, formIndex } = toSyncConfig(values);
    const result = syncConfigSchema.safeParse(config);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const path = mapIssuePath(issue.path, formIndex);
      if (rowIssues && path.length === 1 && path[0] === "fields") continue;
      if (rowIssues && path[0] === "fields" && path[2] === "name") continue;
      ctx.addIssue({ code: "custom", path, message: toSentence(issue.message) });
    }
  });

export type WizardValues = z.infer<typeof wizardFormSchema>;

export const isIncluded = (values: Pick<WizardValues, "fieldSelection">, field: WizardField) =>
  values.fieldSelection === "all" || field.selected;

export function includedFields(values: Pick<WizardValues, "fieldSelection" | "fields">): WizardField[] {
  return values.fields.filter((f) => isIncluded(values, f));
}

// The PUT body, and for each of its fields the index of the form row it came from.
export function toSyncConfig(values: WizardValues): { config: SyncConfigInput; formIndex: number[] } {
  const formIndex: number[] = [];
  const fields: SyncConfigInput["fields"] = [];
  values.fields.forEach((field, i) => {
    if (!isIncluded(values, field)) return;
    formIndex.push(i);
    const name = field.name.trim();
    fields.push({ column: field.column, name, type: field.type, options: optionsForType(field.type, field.options) });
  });
  const config: SyncConfigInput = {
    tableName: values.tableName.trim(),
    fieldSelection: values.fieldSelection,
    fields,
    primaryKey: values.primaryKey,
    updateMethod: values.updateMethod,
    deletion: values.deletion,
    retentionDays: values.retentionDays,
    maxDeletePercent: values.maxDeletePercent,
  };
  return { config, formIndex };
}

function mapIssuePath(path: PropertyKey[], formIndex: number[]): (string | number)[] {
  const out = path.map((p) => (typeof p === "symbol" ? String(p) : p));
  if (out[0] === "fields" && typeof out[1] === "number") out[1] = formIndex[out[1]] ?? out[1];
  return out;
}

export function valuesFromPayload(input: { name: string; header: string[]; suggestions: FieldSuggestionJson[] | null }): WizardValues {
  const byColumn = suggestionsByColumn(input.suggestions);
  return {
    tableName: input.name,
    fieldSelection: "all",
    fields: input.header.map((column) => fieldFromColumn(column, byColumn.get(columnKey(column)), true)),
    primaryKey: "",
    updateMethod: "auto",
    deletion: "delete",
    retentionDays: DEFAULT_RETENTION_DAYS,
    maxDeletePercent: null,
  };
}

// "Update sync configuration": the saved fields first, in their order, then columns of the latest
// request that are not synced (specific mode), unticked.
export function valuesFromConfig(input: { config: SyncConfig; header: string[] | null; suggestions: FieldSuggestionJson[] | null }): WizardValues {
  const { config } = input;
  const byColumn = suggestionsByColumn(input.suggestions);
  const fields: WizardField[] = config.fields.map((f) => ({
    column: f.column,
    name: f.name ?? f.column,
    type: f.type,
    options: optionsForType(f.type, f.options),
    selected: true,
  }));
  const known = new Set(fields.map((f) => columnKey(f.column)));
  for (const column of input.header ?? []) {
    if (known.has(columnKey(column))) continue;
    fields.push(fieldFromColumn(column, byColumn.get(columnKey(column)), config.fieldSelection === "all"));
  }
  return {
    tableName: config.tableName,
    fieldSelection: config.fieldSelection,
    fields,
    primaryKey: config.primaryKey,
    updateMethod: config.updateMethod,
    deletion: config.deletion,
    retentionDays: config.retentionDays,
    maxDeletePercent: config.maxDeletePercent ?? null,
  };
}

export function suggestionsByColumn(suggestions: FieldSuggestionJson[] | null): Map<string, FieldSuggestionJson> {
  return new Map((suggestions ?? []).map((s) => [columnKey(s.column), s]));
}
