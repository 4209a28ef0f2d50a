// Where to show an error from the management API: the step and, when the server named the
// offending parameter (`param`: "tableName", "fields.2.type", …), the form field it belongs to.
// No server imports.

export type WizardStep = "fields" | "key" | "settings";

export type ErrorPlace = { step: WizardStep | null; path: string | null };

const SETTINGS_PARAMS: readonly string[] = ["tableName", "updateMethod", "deletion", "retentionDays", "maxDeletePercent"];

// `formIndex[i]` is the form row of the PUT body's fields[i] (see toSyncConfig).
export function locateApiError(param: string | null, formIndex: number[]): ErrorPlace {
  if (!param) return { step: null, path: null };
  const [head, index, sub] = param.split(".");
  if (head === "fields" && index !== undefined && /^\d+$/.test(index)) {
    const row = formIndex[Number(index)];
    if (row === undefined) return { step: "fields", path: null };
    // A field's type and options are edited in one place; its column is shown by its name.
    return { step: "fields", path: `fields.${row}.${sub === "type" || sub === "options" ? "type" : "name"}` };
  }
  if (SETTINGS_PARAMS.includes(head)) return { step: "settings", path: head };
  if (head === "primaryKey") return { step: "key", path: "primaryKey" };
  if (head === "fields" || head === "fieldSelection") return { step: "fields", path: null };
  return { step: null, path: null };
}
