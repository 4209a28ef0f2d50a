// A value sent for an own field (the write API's JSON, the grid's edit) → the stored value, as
// Airtable's API takes it: numbers for number/currency/percent/duration (seconds), `YYYY-MM-DD`
// for dates, strings for text, `true`/`false` for a checkbox, a choice name for a single select
// and an array of names for multiple selects. `typecast` also takes text for any type (parsed
// as a CSV cell of the type would be) and creates select choices that do not exist yet;
// without it an unknown choice is refused. No server imports (pure, unit-tested).
import { findChoice, splitChoiceNames } from "../fields/choices";
import { getFieldTypeModule } from "../fields/registry";
import { isParseFailure, MAX_CHOICE_NAME_LENGTH, type CellValue } from "../fields/types";
import type { TableField } from "../records/types";

export const MAX_TEXT_LENGTH = 100_000;

// `value` undefined: the cell is cleared. `newChoices`: names typecast adds to the field.
export type OwnValue = { ok: true; value: CellValue | undefined; newChoices: string[] } | { ok: false; reason: string };

const ok = (value: CellValue | undefined, newChoices: string[] = []): OwnValue => ({ ok: true, value, newChoices });
const refuse = (reason: string): OwnValue => ({ ok: false, reason });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|\s|$)/;
const NUMERIC = new Set(["number", "currency", "percent", "duration"]);

export function toOwnValue(field: TableField, raw: unknown, typecast: boolean): OwnValue {
  if (raw === null || raw === undefined) return ok(undefined);
  switch (field.type) {
    case "checkbox":
      if (typeof raw === "boolean") return ok(raw ? true : undefined);
      if (typecast && (typeof raw === "string" || typeof raw === "number")) return parsed(field, String(raw));
      return refuse("a checkbox takes true or false");
    case "singleSelect":
      return selectOne(field, raw, typecast);
    case "multipleSelects":
      return selectMany(field, raw, typecast);
  }
  if (NUMERIC.has(field.type)) {
    if (typeof raw === "number") return Number.isFinite(raw) ? ok(raw) : refuse("not a finite number");
    if (typecast && typeof raw === "string") return parsed(field, raw);
    return refuse("a number is expected");
  }
  if (typeof raw === "string") {
    if (raw.length > MAX_TEXT_LENGTH) return refuse(`at most ${MAX_TEXT_LENGTH.toLocaleString("en-US")} characters`);
    // Without typecast a date must be ISO (YYYY-MM-DD, optionally with a time), as in Airtable.
    if (field.type === "date" && !typecast && raw.trim() && !ISO_DATE.test(raw.trim())) return refuse("a date is expected (YYYY-MM-DD)");
    return parsed(field, raw);
  }
  if (typecast && (typeof raw === "number" || typeof raw === "boolean")) return parsed(field, String(raw));
  return refuse(field.type === "date" ? "a date is expected (YYYY-MM-DD)" : "text is expected");
}

function parsed(field: TableField, text: string): OwnValue {
  const outcome = getFieldTypeModule(field.type).parse(text, field.options);
  return isParseFailure(outcome) ? refuse(outcome.reason) : ok(outcome);
}

// A name of an existing choice, or with typecast a new one.
function choiceName(field: TableField, name: string, typecast: boolean, added: string[]): string | { reason: string } {
  const trimmed = name.trim();
  if (trimmed.length > MAX_CHOICE_NAME_LENGTH) return { reason: `a choice name has at most ${MAX_CHOICE_NAME_LENGTH} characters` };
  const existing = (field.options.choices ?? []).find((c) => c.name === trimmed) ?? (typecast ? findChoice(field.options, trimmed) : undefined);
  if (existing) return existing.name;
  if (!typecast) return { reason: `"${trimmed.slice(0, 100)}" is not one of the field's choices (send typecast: true to add it)` };
  const again = added.find((n) => n.toLowerCase() === trimmed.toLowerCase());
  if (again) return again;
  added.push(trimmed);
  return trimmed;
}

function selectOne(field: TableField, raw: unknown, typecast: boolean): OwnValue {
  if (typeof raw !== "string") return refuse("a single select takes the name of a choice");
  if (!raw.trim()) return ok(undefined);
  const added: string[] = [];
  const name = choiceName(field, raw, typecast, added);
  return typeof name === "string" ? ok(name, added) : refuse(name.reason);
}

function selectMany(field: TableField, raw: unknown, typecast: boolean): OwnValue {
  const list = Array.isArray(raw) ? raw : typecast && typeof raw === "string" ? splitChoiceNames(raw) : null;
  if (!list || list.some((n) => typeof n !== "string")) return refuse("multiple selects take an array of choice names");
  const added: string[] = [];
  const names: string[] = [];
  for (const item of list as string[]) {
    if (!item.trim()) continue;
    const name = choiceName(field, item, typecast, added);
    if (typeof name !== "string") return refuse(name.reason);
    if (!names.includes(name)) names.push(name);
  }
  return ok(names.length > 0 ? names : undefined, added);
}
