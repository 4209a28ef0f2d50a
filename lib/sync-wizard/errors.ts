// Where to show an error from the management API: the step and, when the message names a
// parameter, the form field it belongs to. No server imports.
import type { WizardField } from "./form";

export type WizardStep = "fields" | "key" | "settings";

export type ErrorPlace = { step: WizardStep | null; path: string | null };

const SETTINGS_PARAMS = ["tableName", "updateMethod", "deletion", "retentionDays", "maxDeletePercent"] as const;

// `formIndex[i]` is the form row of the PUT body's fields[i] (see toSyncConfig).
export function locateApiError(message: string, fields: Pick<WizardField, "column">[], formIndex: number[]): ErrorPlace {
  const fieldParam = /\bfields(?:\[(\d+)\]|\.(\d+))(?:\.(name|type|options|column)\b)?/.exec(message);
  if (fieldParam) {
    const configIndex = Number(fieldParam[1] ?? fieldParam[2]);
    const row = formIndex[configIndex];
    if (row === undefined) return { step: "fields", path: null };
    const sub = fieldParam[3] === "options" ? "type" : fieldParam[3] === "column" || !fieldParam[3] ? "name" : fieldParam[3];
    return { step: "fields", path: `fields.${row}.${sub}` };
  }
  const settings = SETTINGS_PARAMS.find((p) => new RegExp(`\\b${p}\\b`).test(message));
  if (settings) return { step: "settings", path: settings };
  if (/\bprimaryKey\b|primary[- ]key/i.test(message)) return { step: "key", path: "primaryKey" };
  // A message quoting one of the columns ('fields: column "Price" is not in the latest CSV') belongs to its row.
  for (const quoted of message.matchAll(/["“]([^"”]+)["”]/g)) {
    const row = fields.findIndex((f) => f.column.toLowerCase() === quoted[1].toLowerCase());
    if (row >= 0) return { step: "fields", path: `fields.${row}.name` };
  }
  if (/\b(fields|fieldSelection)\b/.test(message)) return { step: "fields", path: null };
  return { step: null, path: null };
}
