// The options a client sends for an own field (Airtable's create-field shape, or the grid's
// dialog) → the options stored. Pure: the server completes choice ids and colours.
import { getFieldTypeModule } from "../fields/registry";
import type { FieldOptions, FieldType } from "../fields/types";
import { invalidRequest } from "../errors";

// Airtable writes a date format as {"name": "us", "format": "M/D/YYYY"}; we store the name.
function fromApiShape(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw };
  const dateFormat = out.dateFormat as { name?: unknown } | undefined;
  if (dateFormat && typeof dateFormat === "object" && "name" in dateFormat) out.dateFormat = dateFormat.name;
  return out;
}

export function parseOwnFieldOptions(type: FieldType, raw: unknown): FieldOptions {
  const typeModule = getFieldTypeModule(type);
  if (raw === undefined || raw === null) return { ...typeModule.defaultOptions };
  if (typeof raw !== "object" || Array.isArray(raw)) throw invalidRequest("options: send an object", "options");
  const parsed = typeModule.optionsSchema.safeParse(fromApiShape(raw as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ["options", ...issue.path.map(String)].join(".");
    throw invalidRequest(`${path}: ${issue.message} (${type} takes ${typeModule.optionKeys.join(", ") || "no options"})`, path);
  }
  const options = { ...typeModule.defaultOptions, ...parsed.data };
  const names = (options.choices ?? []).map((c) => c.name.toLowerCase());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw invalidRequest(`options.choices: the choice "${dup}" is listed twice`, "options.choices");
  return options;
}
